using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The counting rules of applications for disclosure, as a table: each case an application (received, due, answered, in
/// Beijing time = UTC+8) and what it counts as in the year 2026, judged as of a day. Year boundaries are the bureau's.
/// </summary>
public sealed class ApplicationCountingTests
{
    private static DateTime Bj(int year, int month, int day, int hour = 10, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>The year 2026 in Beijing, judged on <paramref name="asOf"/> (its last day, or today if sooner).</summary>
    private static ApplicationWindow Year2026(DateOnly asOf) =>
        new(Bj(2026, 1, 1, 0), Bj(2027, 1, 1, 0), asOf, Bj(asOf.Year, asOf.Month, asOf.Day, 0).AddDays(1));

    private static ApplicationFact Fact(DateTime received, DateOnly due, DateTime? answered = null, bool? late = null,
        ApplicationOutcome? outcome = null, ApplicationRefusal? refusal = null) =>
        new(1, 1, ApplicationChannel.Online, received, due, answered, answered is null ? null : outcome ?? ApplicationOutcome.Disclosed, refusal,
            answered is null ? null : late ?? false);

    /// <summary>Received, carried over, handled, answered late, carried forward, open and late.</summary>
    public static TheoryData<string, ApplicationFact, DateOnly, bool[]> Cases => new()
    {
        { "received and answered in the year, on time", Fact(Bj(2026, 3, 2), D(2026, 3, 30), Bj(2026, 3, 20)), D(2026, 12, 31),
            [true, false, true, false, false, false] },
        { "received and answered in the year, late", Fact(Bj(2026, 3, 2), D(2026, 3, 30), Bj(2026, 4, 2), late: true), D(2026, 12, 31),
            [true, false, true, true, false, false] },
        { "received 12-31, answered 01-05 next year: carried forward, not handled", Fact(Bj(2026, 12, 31), D(2027, 1, 29), Bj(2027, 1, 5)), D(2026, 12, 31),
            [true, false, false, false, true, false] },
        { "received 12-20 last year, answered 01-10: carried over and handled", Fact(Bj(2025, 12, 20), D(2026, 1, 15), Bj(2026, 1, 10)), D(2026, 12, 31),
            [false, true, true, false, false, false] },
        { "received last year and answered last year: nothing", Fact(Bj(2025, 11, 2), D(2025, 11, 30), Bj(2025, 11, 20)), D(2026, 12, 31),
            [false, false, false, false, false, false] },
        { "received 2026-01-01 00:30 Beijing (12-31 16:30 UTC): this year's", Fact(Bj(2026, 1, 1, 0, 30), D(2026, 1, 29)), D(2026, 12, 31),
            [true, false, false, false, true, true] },
        { "received 2026-12-31 23:59 Beijing: this year's, carried forward", Fact(Bj(2026, 12, 31, 23, 59), D(2027, 1, 29)), D(2026, 12, 31),
            [true, false, false, false, true, false] },
        { "received 2027-01-01 00:30 Beijing (2026-12-31 UTC): next year's", Fact(Bj(2027, 1, 1, 0, 30), D(2027, 1, 29)), D(2026, 12, 31),
            [false, false, false, false, false, false] },
        { "answered 2027-01-01 00:30 Beijing (2026-12-31 UTC): handled next year", Fact(Bj(2026, 12, 1), D(2026, 12, 29), Bj(2027, 1, 1, 0, 30), late: true), D(2026, 12, 31),
            [true, false, false, false, true, true] },
        { "open past its due date at year end: late", Fact(Bj(2026, 9, 1), D(2026, 9, 29)), D(2026, 12, 31),
            [true, false, false, false, true, true] },
        { "open, due on the day judged on: not yet late", Fact(Bj(2026, 11, 1), D(2026, 11, 26)), D(2026, 11, 26),
            [true, false, false, false, true, false] },
        { "open, the day after its due date: late", Fact(Bj(2026, 11, 1), D(2026, 11, 25)), D(2026, 11, 26),
            [true, false, false, false, true, true] },
        { "extended: the new due date counts, not the old", Fact(Bj(2026, 10, 8), D(2026, 12, 3)), D(2026, 11, 26),
            [true, false, false, false, true, false] },
        { "answered on the day judged on: not open, not late", Fact(Bj(2026, 9, 1), D(2026, 9, 29), Bj(2026, 11, 26, 18), late: true), D(2026, 11, 26),
            [true, false, true, true, false, false] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_application_counts_where_the_rules_say(string because, ApplicationFact fact, DateOnly asOf, bool[] expected)
    {
        var w = Year2026(asOf);
        bool[] actual =
        [
            ApplicationCounting.ReceivedIn(fact, w), ApplicationCounting.CarriedOver(fact, w), ApplicationCounting.HandledIn(fact, w),
            ApplicationCounting.AnsweredLateIn(fact, w), ApplicationCounting.CarriedForward(fact, w), ApplicationCounting.OpenLate(fact, w),
        ];
        actual.ShouldBe(expected, because);
        // What is carried over or new is handled or carried forward: one of each side, never both or neither.
        (ApplicationCounting.ReceivedIn(fact, w) || ApplicationCounting.CarriedOver(fact, w))
            .ShouldBe(ApplicationCounting.HandledIn(fact, w) || ApplicationCounting.CarriedForward(fact, w), because);
        if (ApplicationCounting.HandledIn(fact, w))
            ApplicationCounting.AnsweredOnTimeIn(fact, w).ShouldBe(!ApplicationCounting.AnsweredLateIn(fact, w), because);
    }

    [Fact]
    public void Results_count_by_outcome_and_refusals_by_reason()
    {
        var w = Year2026(D(2026, 12, 31));
        var privacy = Fact(Bj(2026, 5, 6), D(2026, 6, 3), Bj(2026, 5, 20), outcome: ApplicationOutcome.Refused, refusal: ApplicationRefusal.Privacy);
        ApplicationCounting.HandledAs(privacy, w, ApplicationOutcome.Refused).ShouldBeTrue();
        ApplicationCounting.HandledAs(privacy, w, ApplicationOutcome.Disclosed).ShouldBeFalse();
        ApplicationCounting.RefusedFor(privacy, w, ApplicationRefusal.Privacy).ShouldBeTrue();
        ApplicationCounting.RefusedFor(privacy, w, ApplicationRefusal.StateSecret).ShouldBeFalse();
        // Answered next year: not among this year's results.
        var later = privacy with { AnsweredAtUtc = Bj(2027, 1, 5) };
        ApplicationCounting.RefusedFor(later, w, ApplicationRefusal.Privacy).ShouldBeFalse();
    }

    [Fact]
    public void A_period_not_yet_begun_has_nothing_late()
    {
        // Judged on a day before the period starts (a future period: its last day is after today, today before its first).
        var w = new ApplicationWindow(Bj(2027, 1, 1, 0), Bj(2028, 1, 1, 0), D(2026, 11, 26), Bj(2026, 11, 27, 0));
        ApplicationCounting.OpenLate(Fact(Bj(2026, 9, 1), D(2026, 9, 29)), w).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ApplicationState.Received, "2026-11-25", "2026-11-26", true)]
    [InlineData(ApplicationState.Assigned, "2026-11-25", "2026-11-26", true)]
    [InlineData(ApplicationState.Assigned, "2026-11-26", "2026-11-26", false)]
    [InlineData(ApplicationState.Answered, "2026-11-01", "2026-11-26", false)]
    public void The_late_query_is_the_entity_rule(ApplicationState state, string due, string today, bool late)
    {
        var (dueOn, day) = (DateOnly.Parse(due), DateOnly.Parse(today));
        ApplicationRules.IsLate(state, dueOn, day).ShouldBe(late);
        var application = Application(dueOn, state);
        ApplicationCounting.LateOn(day).Compile()(application).ShouldBe(late);
        application.IsLate(day).ShouldBe(late);
        ApplicationCounting.DueBetween(day, day.AddDays(7)).Compile()(application).ShouldBe(state != ApplicationState.Answered && dueOn >= day);
    }

    private static readonly Actor Office = new("office", "办公室", 1, new HashSet<string> { Roles.Office });

    private static DisclosureApplication Application(DateOnly dueOn, ApplicationState state)
    {
        var at = Bj(2026, 11, 1);
        var application = DisclosureApplication.Paper(2, ApplicationChannel.Letter, "党费使用情况", null, "张三", null, at, Office, at, dueOn);
        if (state is ApplicationState.Assigned) application.Assign(Office, at, "handler", "经办人");
        if (state is ApplicationState.Answered)
            application.AnswerWith(Office, at, D(2026, 11, 2), ApplicationOutcome.Refused, "不属于本组织职责", null, ApplicationRefusal.NotOurDuty, null, null);
        return application;
    }
}
