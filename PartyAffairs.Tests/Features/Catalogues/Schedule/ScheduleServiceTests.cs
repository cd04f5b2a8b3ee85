using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues.Schedule;

/// <summary>Today is Thursday 2026-11-26 in Beijing (the harness's clock).</summary>
public sealed class ScheduleServiceTests : IAsyncLifetime
{
    private ServiceHarness harness = default!;
    private TestBureau bureau = default!;
    private IReadOnlyDictionary<string, int[]> occurrences = default!;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness);
        occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, [D(4, 10), D(7, 10), D(11, 25), D(11, 26), D(12, 20)]),
            new PlannedItem(bureau.BranchAId, "发展党员", Cadence.Phased, Audience.Organization, []),
            new PlannedItem(bureau.BranchAId, "支部重要决定", Cadence.Immediate, Audience.Organization, []),
            new PlannedItem(bureau.BranchBId, "=HYPERLINK(\"http://x\")", Cadence.Yearly, Audience.AllMembers, [D(12, 31)]));
        await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][0], "一季度党员大会", DisclosureState.Published, new DateTime(2026, 4, 9, 2, 0, 0, DateTimeKind.Utc));
        // 17:00 UTC on the due date is 01:00 the next day in Beijing: late.
        await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][1], "二季度党员大会", DisclosureState.Published, new DateTime(2026, 7, 10, 17, 0, 0, DateTimeKind.Utc));
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<T> AsAsync<T>(string userName, Func<ScheduleService, Task<T>> call)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await call(harness.Get<ScheduleService>(scope));
    }

    private async Task<int> ItemIdAsync(string title)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private async Task<int> VersionAsync(int itemId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync();
    }

    [Fact]
    public async Task The_office_sees_every_organization_and_each_occurrence_is_coloured_by_how_it_stands_today()
    {
        var result = await AsAsync("office", s => s.GetAsync(2026, new ScheduleFilter()));

        result.Succeeded.ShouldBeTrue(result.Message);
        var view = result.Value!;
        view.HasCatalogue.ShouldBeTrue();
        view.Rows.Select(r => r.OrganizationId).Distinct().ShouldBe([bureau.BranchAId, bureau.BranchBId], ignoreOrder: true);
        var meetings = view.Rows.Where(r => r.ItemTitle == "支部党员大会").OrderBy(r => r.DueDate).ToList();
        meetings.Select(r => r.Status).ShouldBe([OccurrenceStatus.FulfilledOnTime, OccurrenceStatus.FulfilledLate, OccurrenceStatus.Overdue,
            OccurrenceStatus.DueSoon, OccurrenceStatus.NotDue]);
        meetings.Select(r => r.FulfilledOn).ShouldBe([D(4, 9), D(7, 11), null, null, null]);
        meetings[0].DisclosureId.ShouldNotBeNull();
        view.SpecialDays[D(10, 10)].ShouldBe(CalendarDayKind.Workday);
        view.PhasedItems.Single().UnopenedPhases.Select(p => p.Name).ShouldBe(["第一阶段"]);
        view.ImmediateItems.Single().Title.ShouldBe("支部重要决定");

        var overdue = await AsAsync("leader", s => s.GetAsync(2026, new ScheduleFilter(Status: OccurrenceStatus.Overdue)));
        overdue.Value!.Rows.Select(r => r.DueDate).ShouldBe([D(11, 25)]);
        overdue.Value.PhasedItems.ShouldBeEmpty("a Leader sees the schedule but does not act on it");
        var branchB = await AsAsync("office", s => s.GetAsync(2026, new ScheduleFilter(OrganizationId: bureau.BranchBId, Cadence: Cadence.Yearly)));
        branchB.Value!.Rows.Select(r => r.ItemTitle).ShouldBe(["=HYPERLINK(\"http://x\")"]);
    }

    [Fact]
    public async Task A_secretary_or_drafter_sees_only_their_own_organization_whatever_the_filter_asks()
    {
        foreach (var person in new[] { "secA", "drafterA" })
        {
            var result = await AsAsync(person, s => s.GetAsync(2026, new ScheduleFilter(OrganizationId: bureau.BranchBId)));
            result.Succeeded.ShouldBeTrue(result.Message);
            result.Value!.Rows.ShouldNotBeEmpty();
            result.Value.Rows.ShouldAllBe(r => r.OrganizationId == bureau.BranchAId);
            result.Value.Scope.Only.ShouldBe([bureau.BranchAId]);
        }
        (await AsAsync("drafterA", s => s.GetAsync(2026, new ScheduleFilter()))).Value!.CanAct.ShouldBeFalse();
        (await AsAsync("secB", s => s.GetAsync(2026, new ScheduleFilter()))).Value!.CanAct.ShouldBeFalse("branch B has no phased or immediate item");
    }

    [Theory]
    [InlineData("memberA")]
    [InlineData("admin")]
    [InlineData("handler")]
    public async Task Members_admins_and_handlers_are_refused(string person)
    {
        (await AsAsync(person, s => s.GetAsync(2026, new ScheduleFilter()))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(person, s => s.ExportAsync(2026))).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task The_branch_secretary_opens_a_phase_whose_deadline_crosses_national_day_and_it_is_audited_and_announced()
    {
        var itemId = await ItemIdAsync("发展党员");
        var heard = new ConcurrentBag<ChangeEvent>();
        using var listening = harness.Services.GetRequiredService<LiveEventStream>().Subscribe(events =>
        {
            foreach (var e in events) heard.Add(e);
            return Task.CompletedTask;
        });

        var version = await VersionAsync(itemId);
        var result = await AsAsync("secA", s => s.OpenPhaseAsync(new OpenPhaseRequest(itemId, 2026, 0, D(9, 30), version)));

        result.Succeeded.ShouldBeTrue(result.Message);
        // 10-01..07 off, 08 Thu, 09 Fri, 10 Sat (调休上班), 12 Mon, 13 Tue.
        result.Value.ShouldBe(D(10, 13));
        await using (var db = harness.NewDb())
        {
            var opened = await db.CatalogueOccurrences.SingleAsync(o => o.CatalogueItemId == itemId);
            (opened.Label, opened.PeriodStart, opened.DueDate).ShouldBe(("第一阶段", D(9, 30), D(10, 13)));
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CatalogueItem) && a.EntityId == itemId);
            (audit.Action, audit.OrganizationId, audit.Reason).ShouldBe((WorkflowAction.OpenPhase, bureau.BranchAId, "第一阶段"));
        }
        heard.ShouldContain(e => e.EntityType == nameof(CatalogueItem) && e.EntityId == itemId && e.Action == WorkflowAction.OpenPhase);

        var current = await VersionAsync(itemId);
        current.ShouldBe(version + 1);
        var again = await AsAsync("secA", s => s.OpenPhaseAsync(new OpenPhaseRequest(itemId, 2026, 0, D(10, 8), current)));
        again.Status.ShouldBe(ResultStatus.Invalid);
        again.Message.ShouldNotBeNullOrEmpty();
        again.Message.ShouldContain("第一阶段");
    }

    [Fact]
    public async Task Another_branchs_secretary_may_not_open_the_phase_and_nothing_changes()
    {
        var itemId = await ItemIdAsync("发展党员");
        var version = await VersionAsync(itemId);

        var result = await AsAsync("secB", s => s.OpenPhaseAsync(new OpenPhaseRequest(itemId, 2026, 0, D(9, 30), version)));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        await using var db = harness.NewDb();
        (await db.CatalogueOccurrences.CountAsync(o => o.CatalogueItemId == itemId)).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CatalogueItem))).ShouldBe(0);
        (await VersionAsync(itemId)).ShouldBe(version);
    }

    [Fact]
    public async Task The_office_records_an_immediate_event_whose_deadline_crosses_the_spring_festival()
    {
        var itemId = await ItemIdAsync("支部重要决定");

        var result = await AsAsync("office", async s => await s.RecordEventAsync(
            new RecordEventRequest(itemId, 2026, "关于调整支部委员分工的决定", D(2, 13), await VersionAsync(itemId))));

        result.Succeeded.ShouldBeTrue(result.Message);
        // 02-14 Sat worked (调休), 02-15..23 off, then 24, 25, 26, 27.
        result.Value.ShouldBe(D(2, 27));
        var view = (await AsAsync("secA", s => s.GetAsync(2026, new ScheduleFilter(Cadence: Cadence.Immediate)))).Value!;
        var row = view.Rows.Single();
        (row.Label, row.DueDate, row.Status).ShouldBe(("关于调整支部委员分工的决定", D(2, 27), OccurrenceStatus.Overdue));
    }

    [Fact]
    public async Task Actions_are_validated_and_a_stale_version_is_a_conflict()
    {
        var immediate = await ItemIdAsync("支部重要决定");
        var phased = await ItemIdAsync("发展党员");
        var version = await VersionAsync(immediate);

        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, " ", D(11, 1), version)))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, new string('事', 101), D(11, 1), version)))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, "决定", D(11, 27), version)))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, "决定", new DateOnly(2025, 12, 31), version)))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync("secA", s => s.OpenPhaseAsync(new OpenPhaseRequest(phased, 2026, 0, D(11, 1), version - 1)))).Status.ShouldBe(ResultStatus.Conflict);
        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, "决定", D(11, 1), version)))).Succeeded.ShouldBeTrue();
        (await AsAsync("secA", s => s.RecordEventAsync(new RecordEventRequest(immediate, 2026, "又一项决定", D(11, 2), version)))).Status.ShouldBe(ResultStatus.Conflict);
    }

    [Fact]
    public async Task The_export_holds_the_same_rows_with_formula_text_neutralised()
    {
        var view = (await AsAsync("office", s => s.GetAsync(2026, new ScheduleFilter()))).Value!;

        var file = await AsAsync("office", s => s.ExportAsync(2026));

        file.Succeeded.ShouldBeTrue(file.Message);
        using var stream = new MemoryStream(file.Value!);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.First().Keys.ShouldBe(["组织", "事项", "时限", "期次", "开始", "结束", "应公开日期", "状态", "公开日期"]);
        rows.Select(r => (string)r["事项"]).ShouldBe(view.Rows.Select(r => r.ItemTitle.StartsWith('=') ? "'" + r.ItemTitle : r.ItemTitle));
        rows.Select(r => (string)r["应公开日期"]).ShouldBe(view.Rows.Select(r => r.DueDate.ToString("yyyy-MM-dd")));
        rows.ShouldContain(r => (string)r["事项"] == "'=HYPERLINK(\"http://x\")" && (string)r["状态"] == "未到期" && (string)r["时限"] == "定期-年");
        rows.ShouldContain(r => (string)r["状态"] == "逾期公开" && (string)r["公开日期"] == "2026-07-11");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(nameof(ScheduleRow.DueDate), true)]
    [InlineData(nameof(ScheduleRow.OrganizationName), false)]
    [InlineData(nameof(ScheduleRow.Status), true)]
    [InlineData(nameof(ScheduleRow.Label), false)]
    public async Task The_list_pages_through_every_occurrence_exactly_once_whatever_the_order(string? sortBy, bool descending)
    {
        var all = (await AsAsync("office", s => s.ListAsync(2026, new ScheduleFilter(PageSize: 100)))).Value!;
        all.Total.ShouldBe(6);

        var seen = new List<ScheduleRow>();
        for (var page = 0; page < 4; page++)
        {
            var result = (await AsAsync("office", s => s.ListAsync(2026, new ScheduleFilter(Page: page, PageSize: 2, SortBy: sortBy, Descending: descending)))).Value!;
            result.Total.ShouldBe(6);
            seen.AddRange(result.Rows);
        }

        seen.Select(r => r.OccurrenceId).ShouldBe(all.Rows.Select(r => r.OccurrenceId), ignoreOrder: true);
        seen.Select(r => r.OccurrenceId).ShouldBeUnique();
        if (sortBy == nameof(ScheduleRow.DueDate)) seen.Select(r => r.DueDate).ShouldBeInOrder(SortDirection.Descending);
        if (sortBy == nameof(ScheduleRow.Status)) seen.Select(r => r.Status).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Filtering_by_status_in_sql_finds_what_the_rule_colours_that_status()
    {
        await bureau.CancelOccurrenceAsync(occurrences["支部党员大会"][4]);
        foreach (var soonDays in new[] { 7, 14 })
        {
            var all = (await AsAsync("office", s => s.ListAsync(2026, new ScheduleFilter(SoonDays: soonDays, PageSize: 100)))).Value!.Rows;
            foreach (var status in Enum.GetValues<OccurrenceStatus>())
            {
                var filtered = (await AsAsync("office", s => s.ListAsync(2026, new ScheduleFilter(Status: status, SoonDays: soonDays, PageSize: 100)))).Value!;
                filtered.Rows.Select(r => r.OccurrenceId).ShouldBe(all.Where(r => r.Status == status).Select(r => r.OccurrenceId), ignoreOrder: true,
                    $"{status} within {soonDays} days");
                filtered.Total.ShouldBe(filtered.Rows.Count);
            }
        }
    }

    [Fact]
    public async Task The_list_and_the_calendar_keep_a_secretary_to_her_own_organization()
    {
        var list = (await AsAsync("secA", s => s.ListAsync(2026, new ScheduleFilter(OrganizationId: bureau.BranchBId, PageSize: 100)))).Value!;
        list.Rows.ShouldAllBe(r => r.OrganizationId == bureau.BranchAId);
        list.Total.ShouldBe(5);
        var calendar = (await AsAsync("secA", s => s.CalendarAsync(2026, D(11, 23), D(12, 31), new ScheduleFilter()))).Value!;
        calendar.Rows.ShouldAllBe(r => r.OrganizationId == bureau.BranchAId);
        calendar.Counts.Keys.ShouldBe([D(11, 25), D(11, 26), D(12, 20)], ignoreOrder: true);
    }

    [Fact]
    public async Task A_busy_calendar_day_shows_a_few_occurrences_and_counts_the_rest()
    {
        var day = new DateOnly(2027, 3, 1);
        await bureau.CatalogueAsync(2027, CatalogueState.InForce, Enumerable.Range(1, ScheduleService.PerDay + 2)
            .Select(n => new PlannedItem(n % 2 == 0 ? bureau.BranchAId : bureau.BranchBId, $"决议{n}", Cadence.Yearly, Audience.Organization, [day])).ToArray());

        var calendar = (await AsAsync("office", s => s.CalendarAsync(2027, new DateOnly(2027, 2, 22), new DateOnly(2027, 4, 4), new ScheduleFilter()))).Value!;

        calendar.Rows.Count(r => r.DueDate == day).ShouldBe(ScheduleService.PerDay);
        calendar.Counts[day].ShouldBe(ScheduleService.PerDay + 2);
        calendar.MoreOn(day, ScheduleService.PerDay).ShouldBe(2);
    }
}
