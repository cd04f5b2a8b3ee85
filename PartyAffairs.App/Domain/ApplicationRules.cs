namespace PartyAffairs.App.Domain;

/// <summary>
/// The rules of disclosure on application (依申请公开), stated once: who may ask about what, what each kind of answer must
/// carry, what the applicant may be pointed to, and when an application is late.
/// </summary>
public static class ApplicationRules
{
    /// <summary>
    /// Anyone may ask about an organization's matters of Public scope; a signed-in member also about matters for all members,
    /// and about her own organization's internal matters (the same audiences <see cref="AccessPolicy.Sees"/> reads by).
    /// </summary>
    public static bool MayAsk(Audience scope, int organizationId, bool signedIn, int? memberOrganizationId) => scope switch
    {
        Audience.Public => true,
        Audience.AllMembers => signedIn,
        Audience.Organization => signedIn && memberOrganizationId == organizationId,
        _ => false,
    };

    /// <summary>
    /// Whether an answer may point the applicant to a disclosure of this audience and organization: she must be able to read
    /// it — a Public one always, an all-member one if she applied signed in, an organization's own one if it is hers.
    /// </summary>
    public static bool ApplicantMayRead(Audience audience, int disclosureOrganizationId, bool signedIn, int? memberOrganizationId) =>
        MayAsk(audience, disclosureOrganizationId, signedIn, memberOrganizationId);

    /// <summary>
    /// What an answer of each outcome must carry, or the message key of what is missing or out of place: 予以公开 and 已主动公开
    /// a disclosure; 部分公开 a disclosure and what is withheld and why; 不予公开 a reason from the list (其他 with its text)
    /// and no disclosure. Only a refusal has a reason, only a partial disclosure withholds.
    /// </summary>
    public static string? AnswerProblem(ApplicationOutcome outcome, bool linksDisclosure, string? withheld, ApplicationRefusal? refusal, string? refusalText)
    {
        var hasWithheld = !string.IsNullOrWhiteSpace(withheld);
        return outcome switch
        {
            _ when !Enum.IsDefined(outcome) => "Application.OutcomeRequired",
            ApplicationOutcome.Disclosed or ApplicationOutcome.AlreadyDisclosed when !linksDisclosure => "Application.DisclosureRequired",
            ApplicationOutcome.PartlyDisclosed when !linksDisclosure => "Application.DisclosureRequired",
            ApplicationOutcome.PartlyDisclosed when !hasWithheld => "Application.WithheldRequired",
            ApplicationOutcome.Refused when linksDisclosure => "Application.RefusalLinksNothing",
            ApplicationOutcome.Refused when refusal is null || !Enum.IsDefined(refusal.Value) => "Application.RefusalReasonRequired",
            ApplicationOutcome.Refused when refusal == ApplicationRefusal.Other && string.IsNullOrWhiteSpace(refusalText) => "Application.RefusalTextRequired",
            not ApplicationOutcome.Refused when refusal is not null => "Application.ReasonOnlyForRefusal",
            not ApplicationOutcome.PartlyDisclosed when hasWithheld => "Application.WithheldOnlyForPartial",
            _ => null,
        };
    }

    /// <summary>An application is late from the day after its due date until it is answered.</summary>
    public static bool IsLate(ApplicationState state, DateOnly dueOn, DateOnly today) => state != ApplicationState.Answered && today > dueOn;

    /// <summary>An answer is late when it was given after the due date (the extended one, if extended).</summary>
    public static bool IsLateAnswer(DateOnly dueOn, DateOnly answeredOn) => answeredOn > dueOn;
}
