using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// When a printed board may be recorded as posted on the physical 公开栏 (issue 19 "公开栏 posted, with proof"): by the
/// organization's own drafters (<see cref="AccessPolicy.CanDraftFor"/>) or the Office; on a day not in the future; carrying at
/// least one item, each a Board-channel item of the organization or one under it that was on display at some moment of
/// that day (what it actually displayed, <see cref="StandingRules.Displayed(Disclosure)"/>) — so never before its display began.
/// </summary>
public static class BoardPostingRules
{
    public static bool MayRecord(Actor a, int organizationId) => AccessPolicy.CanDraftFor(a, organizationId);

    /// <summary>Whether <paramref name="item"/> may be on a board of the organizations <paramref name="organizationTree"/> posted on <paramref name="day"/>.</summary>
    public static bool CanCarry(PostableItem item, IReadOnlySet<int> organizationTree, DateOnly day, TimeZoneInfo zone)
    {
        if ((item.Channels & Channel.Board) != Channel.Board || !organizationTree.Contains(item.OrganizationId)) return false;
        if (item.Displayed is not { } shown) return false;
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        return shown.FromUtc < end && shown.UntilUtc > start;
    }

    /// <summary>The rules a posting breaks, as message keys, first the one to show; empty when it may be recorded.</summary>
    public static IReadOnlyList<string> Problems(DateOnly postedOn, DateOnly today, IReadOnlyCollection<PostableItem> items,
        IReadOnlySet<int> organizationTree, TimeZoneInfo zone)
    {
        var problems = new List<string>();
        if (postedOn > today) problems.Add("BoardPosting.DateInFuture");
        if (items.Count == 0) problems.Add("BoardPosting.ItemsRequired");
        else if (items.Any(i => !CanCarry(i, organizationTree, postedOn, zone))) problems.Add("BoardPosting.ItemNotOnDisplay");
        return problems;
    }

    /// <summary>
    /// The states of a posting the assessment counts: those that say the board really went up. Every state is decided here (a
    /// later state such as a withdrawn or void record would be left out), and the rule's table test covers every state.
    /// </summary>
    public static readonly IReadOnlyList<BoardPostingState> CountedStates = [BoardPostingState.Recorded];

    /// <summary>
    /// The postings the assessment counts between two of the bureau's days (both included): in a <see cref="CountedStates"/>
    /// state, posted (<see cref="BoardPosting.PostedOn"/>, the day the board went up, not the day it was recorded) in the
    /// range. A posting counts for the organization that recorded it and in the quarter of its posting day (<see cref="QuarterOf"/>).
    /// </summary>
    public static Expression<Func<BoardPosting, bool>> CountedBetween(DateOnly from, DateOnly to) =>
        p => CountedStates.Contains(p.State) && p.PostedOn >= from && p.PostedOn <= to;

    /// <summary>The quarter (1–4) of the bureau's calendar a day falls in.</summary>
    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;
}
