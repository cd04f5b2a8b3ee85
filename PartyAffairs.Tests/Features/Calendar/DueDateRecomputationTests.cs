using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Calendar;

/// <summary>
/// December 2026, the 2027 notice not yet out: 2027 counts on the statutory holidays, and its notice, once imported, moves
/// exactly the open due dates it changes.
/// </summary>
public sealed class DueDateRecomputationTests
{
    /// <summary>Thursday 2026-12-10, 10:00 in Beijing.</summary>
    private static readonly DateTimeOffset December = new(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A 2027 notice as the Admin would import it: 元旦 Friday to Sunday and a make-up working day on Saturday 01-09 (made up
    /// for the test: no rule predicts a make-up day, which is why the year stays provisional until the notice comes).
    /// </summary>
    private const string Notice2027 = """
        date,kind,name
        2027-01-01,holiday,元旦
        2027-01-02,holiday,元旦
        2027-01-03,holiday,元旦
        2027-01-09,workday,元旦调休上班
        2027-10-01,holiday,国庆节
        2027-10-02,holiday,国庆节
        2027-10-03,holiday,国庆节
        2027-10-04,holiday,国庆节
        2027-10-05,holiday,国庆节
        2027-10-06,holiday,国庆节
        2027-10-07,holiday,国庆节
        """;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Without_the_2027_notice_its_holidays_count_and_importing_it_moves_exactly_the_open_due_dates_it_changes()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: December);
        var b = await TestBureau.CreateAsync(harness);
        var ids = await ApproveCatalogueAsync(harness, b,
            ("党费收缴情况", b.BranchAId, Cadence.Monthly), ("支部工作季报", b.BranchAId, Cadence.Quarterly), ("二支部季报", b.BranchBId, Cadence.Quarterly));
        var december = ids["党费收缴情况"][11];
        var fourthQuarterA = ids["支部工作季报"][3];
        var fourthQuarterB = ids["二支部季报"][3];
        // Branch B published its fourth-quarter report early: a fulfilled occurrence keeps the date it was held to.
        await b.ForOccurrenceAsync(fourthQuarterB, "二支部季报", DisclosureState.Published, b.Now.AddDays(-5), author: "secB");

        var calendar = await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync();
        calendar.IsProvisional(2027).ShouldBeTrue();
        calendar.IsProvisional(2026).ShouldBeFalse();
        foreach (var day in new[] { D(2027, 1, 1), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3) }) calendar.IsWorkingDay(day).ShouldBeFalse();
        // 2026-12-31 + 5 working days, 元旦 (Friday) and the weekend skipped; plain Monday–Friday would give 01-07.
        (await DueDateAsync(harness, december)).ShouldBe(D(2027, 1, 8));
        // + 10 working days: 01-04..01-08 and 01-11..01-15.
        (await DueDateAsync(harness, fourthQuarterA)).ShouldBe(D(2027, 1, 15));
        (await DueDateAsync(harness, fourthQuarterB)).ShouldBe(D(2027, 1, 15));

        var adminId = await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var admin = harness.Get<CalendarAdminService>(scope);
        var preview = await admin.PreviewImportAsync(Notice2027);

        preview.Succeeded.ShouldBeTrue(preview.Message);
        // The make-up Saturday 01-09 brings the open fourth quarter of branch A a day forward; December's month still ends
        // 01-08; branch B's fulfilled quarter stays.
        preview.Value!.Moves.ShouldHaveSingleItem()
            .ShouldBe(new DueDateMove(fourthQuarterA, "支部工作季报", "2026年第四季度", b.BranchAId, "第一党支部", D(2027, 1, 15), D(2027, 1, 14)));
        (await DueDateAsync(harness, fourthQuarterA)).ShouldBe(D(2027, 1, 15), "a preview saves nothing");

        var import = await admin.ImportAsync(Notice2027);

        import.Succeeded.ShouldBeTrue(import.Message);
        (await DueDateAsync(harness, december)).ShouldBe(D(2027, 1, 8));
        (await DueDateAsync(harness, fourthQuarterA)).ShouldBe(D(2027, 1, 14));
        (await DueDateAsync(harness, fourthQuarterB)).ShouldBe(D(2027, 1, 15));
        (await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync()).IsProvisional(2027).ShouldBeFalse();

        await using var db = harness.NewDb();
        var audit = await db.AuditEntries.Where(a => a.Action == WorkflowAction.Redate).ToListAsync();
        var entry = audit.ShouldHaveSingleItem();
        (entry.EntityType, entry.FromState, entry.ToState, entry.ActorId).ShouldBe(("Catalogue", "2027-01-15", "2027-01-14", adminId));
        entry.Reason.ShouldBe("支部工作季报（2026年第四季度）：导入2027年放假调休安排");
        var notified = await db.Notifications.Where(n => n.Title.Contains("期限已调整")).Select(n => n.UserId).ToListAsync();
        notified.ShouldBe([b["secA"].UserId, b["drafterA"].UserId], ignoreOrder: true);
    }

    [Fact]
    public async Task A_changed_due_day_setting_is_previewed_then_moves_the_open_occurrences_and_not_the_fulfilled_ones()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: December);
        var b = await TestBureau.CreateAsync(harness);
        var ids = await ApproveCatalogueAsync(harness, b, ("党费收缴情况", b.BranchAId, Cadence.Monthly));
        var november = ids["党费收缴情况"][10];
        var december = ids["党费收缴情况"][11];
        await b.ForOccurrenceAsync(november, "党费收缴情况", DisclosureState.Published, b.Now.AddDays(-5));
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var settings = harness.Get<SettingsService>(scope);
        var changed = await settings.GetAsync() with { MonthlyDueWorkingDays = 6 };

        var preview = await settings.PreviewDueMovesAsync(changed);
        var saved = await settings.SaveAsync(changed);

        // Every month not fulfilled moves a working day later, overdue ones too; November, published, does not.
        preview.Value!.Select(m => m.OccurrenceId).ShouldBe(ids["党费收缴情况"].Where(id => id != november), ignoreOrder: true);
        preview.Value!.Single(m => m.OccurrenceId == december).ShouldSatisfyAllConditions(
            m => m.OldDueDate.ShouldBe(D(2027, 1, 8)), m => m.NewDueDate.ShouldBe(D(2027, 1, 11)));
        saved.Succeeded.ShouldBeTrue(saved.Message);
        (await DueDateAsync(harness, december)).ShouldBe(D(2027, 1, 11));
        (await DueDateAsync(harness, november)).ShouldBe(D(2026, 12, 7));
        await using var db = harness.NewDb();
        (await db.AuditEntries.CountAsync(a => a.Action == WorkflowAction.Redate)).ShouldBe(11);
    }

    [Fact]
    public async Task A_day_added_by_hand_to_the_provisional_year_is_previewed_then_moves_what_it_covers_and_deleting_it_moves_it_back()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: December);
        var b = await TestBureau.CreateAsync(harness);
        var ids = await ApproveCatalogueAsync(harness, b, ("党费收缴情况", b.BranchAId, Cadence.Monthly));
        var december = ids["党费收缴情况"][11];
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var admin = harness.Get<CalendarAdminService>(scope);
        var holiday = new CalendarDayRequest { Date = new DateTime(2027, 1, 8), Kind = CalendarDayKind.Holiday, Name = "单位调休" };

        var preview = await admin.PreviewDayAsync(holiday);
        var added = await admin.AddAsync(holiday);
        var afterAdd = await DueDateAsync(harness, december);
        var previewDelete = await admin.PreviewDeleteAsync(D(2027, 1, 8));
        var deleted = await admin.DeleteAsync(D(2027, 1, 8));

        preview.Value!.Select(m => (m.OccurrenceId, m.OldDueDate, m.NewDueDate)).ShouldBe([(december, D(2027, 1, 8), D(2027, 1, 11))]);
        added.Succeeded.ShouldBeTrue(added.Message);
        afterAdd.ShouldBe(D(2027, 1, 11));
        previewDelete.Value!.Select(m => (m.OccurrenceId, m.OldDueDate, m.NewDueDate)).ShouldBe([(december, D(2027, 1, 11), D(2027, 1, 8))]);
        deleted.Succeeded.ShouldBeTrue(deleted.Message);
        (await DueDateAsync(harness, december)).ShouldBe(D(2027, 1, 8));
        // A hand edit does not make the year official: only its notice does.
        (await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync()).IsProvisional(2027).ShouldBeTrue();
    }

    [Fact]
    public async Task At_start_open_dates_counted_on_plain_weekdays_in_a_year_without_its_notice_move_onto_its_holidays_once()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: December);
        var b = await TestBureau.CreateAsync(harness);
        // Planned before the statutory holidays were computed: 2026-12-31 + 5 working days counted 元旦 as a working day.
        var plan = await b.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(b.BranchAId, "党费收缴情况", Cadence.Monthly, Audience.Organization, [D(2027, 1, 7)]),
            new PlannedItem(b.BranchAId, "已公开的月报", Cadence.Monthly, Audience.Organization, [D(2027, 1, 7)]),
            new PlannedItem(b.BranchBId, "支部年报", Cadence.Yearly, Audience.Organization, [D(2026, 6, 1)]));
        await b.ForOccurrenceAsync(plan["已公开的月报"][0], "已公开的月报", DisclosureState.Published, b.Now.AddDays(-5));
        var recomputation = harness.Services.GetRequiredService<DueDateRecomputation>();
        var calendar = await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync();
        var rules = (await harness.Services.GetRequiredService<SettingsReader>().GetAsync()).DueRules;
        var signal = harness.Services.GetRequiredService<PartyAffairs.App.Features.Notifications.NotificationSignal>();

        (await recomputation.CatchUpProvisionalYearsAsync(calendar, rules, signal, CancellationToken.None)).ShouldBe(1);
        (await recomputation.CatchUpProvisionalYearsAsync(calendar, rules, signal, CancellationToken.None)).ShouldBe(0);

        (await DueDateAsync(harness, plan["党费收缴情况"][0])).ShouldBe(D(2027, 1, 8));
        (await DueDateAsync(harness, plan["已公开的月报"][0])).ShouldBe(D(2027, 1, 7));
        // A date in an official year is the notice's and stays, however it was planned.
        (await DueDateAsync(harness, plan["支部年报"][0])).ShouldBe(D(2026, 6, 1));
        await using var db = harness.NewDb();
        var entry = (await db.AuditEntries.Where(a => a.Action == WorkflowAction.Redate).ToListAsync()).ShouldHaveSingleItem();
        (entry.ActorId, entry.Reason).ShouldBe((Actor.System.UserId, "党费收缴情况（第1期）：" + DueDateRecomputation.ProvisionalReason));
    }

    private static async Task<DateOnly> DueDateAsync(ServiceHarness harness, int occurrenceId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueOccurrences.Where(o => o.Id == occurrenceId).Select(o => o.DueDate).SingleAsync();
    }

    /// <summary>The 2026 catalogue approved into force in January on the app's calendar and settings, as the Leader's approval plans it.</summary>
    private static async Task<IReadOnlyDictionary<string, int[]>> ApproveCatalogueAsync(ServiceHarness harness, TestBureau b,
        params (string Title, int OrganizationId, Cadence Cadence)[] items)
    {
        var calendar = await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync();
        var rules = (await harness.Services.GetRequiredService<SettingsReader>().GetAsync()).DueRules;
        var at = new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);
        var catalogue = new Catalogue(2026, "2026年度党务公开目录", null, b["office"], at);
        foreach (var (title, organizationId, cadence) in items)
            catalogue.AddItem(new CatalogueItem(organizationId, Category.OrganizationalBuilding, title, title + "的内容", Channel.Board,
                Audience.Organization, cadence, false, "张书记"));
        catalogue.Submit(b["office"], at);
        catalogue.ApproveIntoForce(b["leader"], at, calendar, rules, today: D(2026, 1, 5));
        await using var db = harness.NewDb();
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();
        return catalogue.Items.ToDictionary(i => i.Title, i => i.Occurrences.OrderBy(o => o.Sequence).Select(o => o.Id).ToArray());
    }
}
