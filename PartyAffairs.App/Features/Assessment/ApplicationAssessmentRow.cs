using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// One organization's applications for disclosure in a period, as <see cref="ApplicationCounting"/> counts them: received,
/// answered (handled) and of those late, still open and late; the outcomes of those answered; carried over from before and
/// carried forward past its end.
/// </summary>
public sealed record ApplicationAssessmentRow(int OrganizationId, string OrganizationName, int Received, int Answered, int AnsweredLate,
    int OpenLate, int Disclosed, int PartlyDisclosed, int Refused, int AlreadyDisclosed, int CarriedOver, int CarriedForward)
{
    public static ApplicationAssessmentRow Of(int organizationId, string organizationName, IEnumerable<ApplicationFact> facts, ApplicationWindow w)
    {
        var list = facts.ToList();
        int Count(Func<ApplicationFact, ApplicationWindow, bool> rule) => list.Count(f => rule(f, w));
        int Outcome(ApplicationOutcome outcome) => list.Count(f => ApplicationCounting.HandledAs(f, w, outcome));
        return new(organizationId, organizationName, Count(ApplicationCounting.ReceivedIn), Count(ApplicationCounting.HandledIn),
            Count(ApplicationCounting.AnsweredLateIn), Count(ApplicationCounting.OpenLate),
            Outcome(ApplicationOutcome.Disclosed), Outcome(ApplicationOutcome.PartlyDisclosed), Outcome(ApplicationOutcome.Refused),
            Outcome(ApplicationOutcome.AlreadyDisclosed), Count(ApplicationCounting.CarriedOver), Count(ApplicationCounting.CarriedForward));
    }
}
