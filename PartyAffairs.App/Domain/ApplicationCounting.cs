using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// What the annual report, the assessment, the dashboard and the reminders count of applications for disclosure, stated
/// once. A period is the bureau's days (<see cref="ApplicationWindow"/>: 00:00 Beijing, not UTC, starts a year).
/// <list type="bullet">
/// <item><b>Received</b> in the period: it reached the bureau within it.</item>
/// <item><b>Carried over</b> (上年结转): received before the period and not answered before it began.</item>
/// <item><b>Handled</b> (办理) in the period: answered within it, whenever received, with its outcome (and a refusal's
/// reason); <b>late</b> or <b>on time</b> as fixed when it was answered (<see cref="DisclosureApplication.AnsweredLate"/>:
/// after the due date, the extended one if extended).</item>
/// <item><b>Carried forward</b> (结转下年度继续办理): received before the period ended and not answered by then (for a period
/// not yet over: open now). So carried over + received = handled + carried forward.</item>
/// <item><b>Open and late</b>: open at the end of the day it is judged on and past its due date on that day
/// (<see cref="ApplicationRules.IsLate"/>; the due date as it stands, so an extension moves it).</item>
/// <item><b>Due soon</b>: open, due today or later but no later than a given day (the reminders: three working days ahead).</item>
/// </list>
/// </summary>
public static class ApplicationCounting
{
    public static bool ReceivedIn(ApplicationFact f, ApplicationWindow w) => f.ReceivedAtUtc >= w.StartUtc && f.ReceivedAtUtc < w.EndUtc;

    /// <summary>Received before the moment and not yet answered at it.</summary>
    public static bool OpenAt(ApplicationFact f, DateTime utc) => f.ReceivedAtUtc < utc && (f.AnsweredAtUtc is null || f.AnsweredAtUtc >= utc);

    public static bool CarriedOver(ApplicationFact f, ApplicationWindow w) => OpenAt(f, w.StartUtc);

    public static bool HandledIn(ApplicationFact f, ApplicationWindow w) => f.AnsweredAtUtc >= w.StartUtc && f.AnsweredAtUtc < w.EndUtc;

    public static bool HandledAs(ApplicationFact f, ApplicationWindow w, ApplicationOutcome outcome) => HandledIn(f, w) && f.Outcome == outcome;

    public static bool RefusedFor(ApplicationFact f, ApplicationWindow w, ApplicationRefusal reason) =>
        HandledAs(f, w, ApplicationOutcome.Refused) && f.Refusal == reason;

    public static bool AnsweredLateIn(ApplicationFact f, ApplicationWindow w) => HandledIn(f, w) && f.AnsweredLate == true;

    public static bool AnsweredOnTimeIn(ApplicationFact f, ApplicationWindow w) => HandledIn(f, w) && f.AnsweredLate != true;

    public static bool CarriedForward(ApplicationFact f, ApplicationWindow w) => OpenAt(f, w.EndUtc);

    /// <summary>Open at the end of the day judged on, and late on it; nothing for a period that has not begun.</summary>
    public static bool OpenLate(ApplicationFact f, ApplicationWindow w) =>
        w.AsOfEndUtc > w.StartUtc && OpenAt(f, w.AsOfEndUtc) && ApplicationRules.IsLate(ApplicationState.Received, f.DueOn, w.AsOf);

    /// <summary>The applications any figure of the window may count (received before it ends, not answered before it begins), for the database.</summary>
    public static Expression<Func<DisclosureApplication, bool>> Touches(ApplicationWindow w)
    {
        var (start, end) = (w.StartUtc, w.EndUtc);
        return a => a.ReceivedAtUtc < end && (a.AnsweredAtUtc == null || a.AnsweredAtUtc >= start);
    }

    public static Expression<Func<DisclosureApplication, ApplicationFact>> Facts => a =>
        new ApplicationFact(a.Id, a.OrganizationId, a.Channel, a.ReceivedAtUtc, a.DueOn, a.AnsweredAtUtc, a.Outcome, a.Refusal, a.AnsweredLate);

    /// <summary>Open and past its due date today: <see cref="ApplicationRules.IsLate"/> as a query (the dashboard, the reminders, /applications?late=1).</summary>
    public static Expression<Func<DisclosureApplication, bool>> LateOn(DateOnly today) =>
        a => a.State != ApplicationState.Answered && a.DueOn < today;

    /// <summary>Open and due between today and <paramref name="lastDay"/>, both included.</summary>
    public static Expression<Func<DisclosureApplication, bool>> DueBetween(DateOnly today, DateOnly lastDay) =>
        a => a.State != ApplicationState.Answered && a.DueOn >= today && a.DueOn <= lastDay;
}
