using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>A standing (长期公开) line: one obligation for the year, due after the catalogue comes into force, then on display every day.</summary>
public sealed class StandingRulesTests
{
    private static readonly TimeZoneInfo Zone = DomainFixtures.Beijing;

    private static CatalogueItem Standing(Cadence cadence) =>
        new(10, Category.OrganizationalBuilding, "党组织设置及党员队伍基本情况", "", Channel.Board, Audience.Public, cadence, true, "委员");

    [Theory]
    [InlineData(Cadence.Yearly, "2025-11-27", 10, "2026-01-15")]   // in force before the year: counted from 01-01 (Thu)
    [InlineData(Cadence.Yearly, null, 10, "2026-01-15")]
    [InlineData(Cadence.Monthly, "2026-03-02", 10, "2026-03-16")]  // in force Mon 03-02: ten working days later, whatever the cadence
    [InlineData(Cadence.Quarterly, "2026-01-01", 5, "2026-01-08")] // the setting
    public void A_standing_line_plans_one_occurrence_for_the_year_due_its_working_days_after_the_catalogue_comes_into_force(
        Cadence cadence, string? inForce, int days, string due)
    {
        var item = Standing(cadence);
        var rules = new DueRules(Standing: days);
        DateOnly? inForceDay = inForce is null ? null : DateOnly.Parse(inForce);
        item.PlanYear(2026, DomainFixtures.Weekdays, rules, inForceDay: inForceDay);
        item.PlanYear(2026, DomainFixtures.Weekdays, rules, inForceDay: inForceDay);

        var occurrence = item.Occurrences.ShouldHaveSingleItem();
        (occurrence.Sequence, occurrence.Label).ShouldBe((1, "2026年度（长期公开）"));
        (occurrence.PeriodStart, occurrence.PeriodEnd).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        occurrence.DueDate.ShouldBe(DateOnly.Parse(due));
    }

    [Fact]
    public void Approval_into_force_plans_standing_lines_from_the_day_of_approval_and_the_rest_by_their_periods()
    {
        var catalogue = new Catalogue(2026, "2026年度党务公开目录", null, DomainFixtures.Office, DomainFixtures.Now);
        var standing = catalogue.AddItem(Standing(Cadence.Yearly));
        var yearly = catalogue.AddItem(new CatalogueItem(10, Category.Other, "年度总结", "", Channel.Board, Audience.Public, Cadence.Yearly, false, "书记"));
        catalogue.Submit(DomainFixtures.Office, DomainFixtures.Now);
        catalogue.ApproveIntoForce(DomainFixtures.Leader, DomainFixtures.Now, DomainFixtures.Weekdays, new DueRules(), today: new DateOnly(2026, 3, 2));

        standing.Occurrences.ShouldHaveSingleItem().DueDate.ShouldBe(new DateOnly(2026, 3, 16));
        yearly.Occurrences.ShouldHaveSingleItem().DueDate.ShouldBe(new DateOnly(2027, 1, 21));
    }

    [Fact]
    public void An_open_standing_occurrence_planned_as_a_yearly_report_takes_the_new_plan_a_fulfilled_one_keeps_its_record()
    {
        var old = new CatalogueOccurrence(1, "2026年度", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 22));
        var plan = CatalogueItem.PlanStanding(2026, DomainFixtures.Weekdays, new DueRules(), null);
        old.Replan(plan).ShouldBeTrue();
        (old.Label, old.DueDate).ShouldBe(("2026年度（长期公开）", new DateOnly(2026, 1, 15)));
        old.Replan(plan).ShouldBeFalse();

        var fulfilled = new CatalogueOccurrence(1, "2026年度", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 22));
        fulfilled.Fulfil(7, DomainFixtures.Now);
        fulfilled.Replan(plan).ShouldBeFalse();
        fulfilled.DueDate.ShouldBe(new DateOnly(2027, 1, 22));
    }

    /// <summary>Local (Beijing) wall-clock "MM-dd HH:mm" in 2026 as UTC.</summary>
    private static DateTime At(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact("2026-" + local, "yyyy-MM-dd HH:mm", null), Zone);

    public static TheoryData<string, string, string, string, string[], int> GapCases => new()
    {
        // case, due, from, to, displays "from|until" (local), gap days
        { "nothing ever on display: every day after the due date", "01-15", "01-01", "01-31", [], 16 },
        { "one item up from before the due date all through", "01-15", "01-01", "01-31", ["01-13 09:00|12-31 23:00"], 0 },
        { "withdrawn on the 20th, the next item up on the 23rd: the 21st and 22nd", "01-15", "01-01", "01-31",
            ["01-13 09:00|01-20 10:00", "01-23 09:00|12-31 23:00"], 2 },
        { "a correction closes its original the moment it goes up: no hole", "01-15", "01-01", "01-31",
            ["01-13 09:00|01-20 10:00", "01-20 10:00|12-31 23:00"], 0 },
        { "first item up after the due date: the days in between", "01-15", "01-01", "01-31", ["01-20 09:00|12-31 23:00"], 4 },
        { "today before the due date: no gap yet", "01-15", "01-01", "01-10", [], 0 },
        { "the due date itself is still in time", "01-15", "01-01", "01-15", [], 0 },
        { "clipped to the assessment period", "01-15", "01-25", "01-31", [], 7 },
        { "off at 23:59 and back at 00:30 two days later: only the whole day between (bureau days, not UTC)", "01-15", "01-01", "01-31",
            ["01-13 09:00|01-20 23:59", "01-22 00:30|12-31 23:00"], 1 },
    };

    [Theory]
    [MemberData(nameof(GapCases))]
    public void Gap_days_are_the_bureau_days_after_the_due_date_with_no_item_of_the_line_on_display_at_any_moment(
        string @case, string due, string from, string to, string[] displays, int gaps)
    {
        var intervals = displays.Select(d => d.Split('|')).Select(p => (At(p[0]), At(p[1])));
        StandingRules.CountGapDays(DateOnly.Parse("2026-" + due), DateOnly.Parse("2026-" + from), DateOnly.Parse("2026-" + to), Zone, intervals)
            .ShouldBe(gaps, @case);
    }

    [Theory]
    [InlineData(DisclosureState.Draft, false)]
    [InlineData(DisclosureState.Submitted, false)]
    [InlineData(DisclosureState.Approved, false)]
    [InlineData(DisclosureState.Rejected, false)]
    [InlineData(DisclosureState.Withdrawn, false)]
    [InlineData(DisclosureState.Published, true)]
    [InlineData(DisclosureState.Closed, true)]
    public void A_disclosure_displayed_from_its_publication_to_its_closing_or_withdrawal_or_the_end_of_its_period(DisclosureState state, bool displayed)
    {
        var d = DomainFixtures.InState(state);
        var shown = StandingRules.Displayed(d);
        shown.HasValue.ShouldBe(displayed);
        if (shown is not { } s) return;
        s.FromUtc.ShouldBe(d.PublishedAtUtc!.Value);
        s.UntilUtc.ShouldBe(state == DisclosureState.Closed ? d.ClosedAtUtc!.Value : d.DisplayUntilUtc);

        StandingRules.Displayed(DisclosureState.Withdrawn, s.FromUtc, null, s.FromUtc.AddDays(2), s.FromUtc.AddDays(9))!.Value.UntilUtc.ShouldBe(s.FromUtc.AddDays(2));
        StandingRules.Displayed(DisclosureState.Withdrawn, s.FromUtc, s.FromUtc.AddDays(1), s.FromUtc.AddDays(2), s.FromUtc.AddDays(9))!.Value.UntilUtc.ShouldBe(s.FromUtc.AddDays(1));
    }

    [Theory]
    [InlineData(DisclosureState.Draft)]
    [InlineData(DisclosureState.Approved)]
    [InlineData(DisclosureState.Published)]
    [InlineData(DisclosureState.Closed)]
    [InlineData(DisclosureState.Withdrawn)]
    public void On_display_as_a_query_agrees_with_the_entity(DisclosureState state)
    {
        var d = DomainFixtures.InState(state);
        var onDisplay = DisclosureRules.OnDisplayAt(DomainFixtures.Now.AddDays(1)).Compile();
        onDisplay(d).ShouldBe(d.IsOnDisplay(DomainFixtures.Now.AddDays(1)));
        DisclosureRules.OnDisplayAt(DomainFixtures.Now.AddDays(30)).Compile()(d).ShouldBe(d.IsOnDisplay(DomainFixtures.Now.AddDays(30)));
    }
}
