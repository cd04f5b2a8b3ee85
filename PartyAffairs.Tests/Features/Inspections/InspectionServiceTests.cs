using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Inspections;

/// <summary>The Office records an inspection and its rectifications; owners close them; overdue ones reach the dashboard and their owner once.</summary>
public sealed class InspectionServiceTests
{
    // Today is Thursday 2026-11-26 in Beijing.
    private static readonly DateTime Inspected = new(2026, 11, 20);

    private static async Task<(ServiceHarness Harness, TestBureau Bureau)> BureauAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await TestBureau.CreateAsync(harness));
    }

    private static RecordInspectionRequest Request(TestBureau bureau, params (string What, string Owner, DateTime Due)[] items) => new()
    {
        OrganizationId = bureau.BranchAId,
        Date = Inspected,
        Inspectors = "李淑芬、孙志强",
        FormEffective = InspectionFinding.NeedsImprovement,
        Timely = InspectionFinding.Unsatisfactory,
        Notes = "公开栏更新不及时。",
        Rectifications = items.Select(i => new RectificationRequest { What = i.What, OwnerId = bureau[i.Owner].UserId, DueDate = i.Due }).ToList(),
    };

    private static async Task<int> RecordAsync(ServiceHarness harness, RecordInspectionRequest request)
    {
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var result = await harness.Get<InspectionService>(scope).RecordAsync(request);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value;
    }

    [Fact]
    public async Task The_office_records_an_inspection_which_its_branch_and_the_leaders_read_and_no_other_branch_does()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        await RecordAsync(harness, Request(bureau, ("补齐三会一课记录", "secA", new DateTime(2026, 11, 25)), ("补充党费明细", "drafterA", new DateTime(2026, 12, 10))));
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);

        foreach (var reader in new[] { "office", "leader", "secA" })
        {
            await harness.SignInAsync(reader);
            var inspection = (await service.ListAsync()).Value!.Inspections.ShouldHaveSingleItem(reader);
            inspection.OrganizationName.ShouldBe("第一党支部");
            inspection.Date.ShouldBe(new DateOnly(2026, 11, 20));
            (inspection.FormEffective, inspection.Timely, inspection.ContentComplete).ShouldBe((InspectionFinding.NeedsImprovement, InspectionFinding.Unsatisfactory, InspectionFinding.Satisfactory));
            inspection.Rectifications.Select(r => (r.What, r.OwnerName, r.Overdue)).ShouldBe([("补齐三会一课记录", "secA", true), ("补充党费明细", "drafterA", false)]);
        }
        await harness.SignInAsync("drafterA");
        (await service.ListAsync()).Value!.Inspections.ShouldHaveSingleItem().Rectifications.Count(r => r.CanComplete).ShouldBe(1);
        await harness.SignInAsync("secB");
        (await service.ListAsync()).Value!.Inspections.ShouldBeEmpty();
        foreach (var refused in new[] { "memberA", "memberB", "handler" })
        {
            await harness.SignInAsync(refused);
            (await service.ListAsync()).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
    }

    [Fact]
    public async Task The_list_comes_a_page_at_a_time_newest_first_and_a_reminders_link_opens_the_page_holding_its_rectification()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        // Seven inspections of branch A on five days (two days twice), one of branch B; the third oldest holds secA's rectification.
        var days = new[] { 1, 2, 2, 3, 4, 4, 5 };
        var rectified = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var request = Request(bureau, i == 2 ? [("补齐三会一课记录", "secA", new DateTime(2026, 12, 10))] : []);
            request.Date = new DateTime(2026, 11, days[i]);
            var id = await RecordAsync(harness, request);
            if (i == 2) rectified = id;
        }
        var onB = Request(bureau);
        (onB.OrganizationId, onB.Date) = (bureau.BranchBId, new DateTime(2026, 10, 30));
        await RecordAsync(harness, onB);
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);

        await harness.SignInAsync("office");
        var whole = (await service.ListAsync(0, InspectionService.MaxPageSize)).Value!;
        whole.Total.ShouldBe(8);
        whole.Inspections.Select(i => i.Date).ShouldBeInOrder(SortDirection.Descending);
        var first = (await service.ListAsync(0, 3)).Value!;
        var second = (await service.ListAsync(1, 3)).Value!;
        (first.Inspections.Count, first.Total, second.Total).ShouldBe((3, 8, 8));
        first.Inspections.Concat(second.Inspections).Select(i => i.Id).ShouldBe(whole.Inspections.Take(6).Select(i => i.Id));
        (await service.ListAsync(2, 3)).Value!.Inspections.Count.ShouldBe(2);
        (await service.ListAsync(0, 10_000)).Value!.PageSize.ShouldBe(InspectionService.MaxPageSize);

        // The same rule as before for who reads what: a secretary reads her branch's inspections only.
        await harness.SignInAsync("secA");
        var hers = (await service.ListAsync(0, 5)).Value!;
        (hers.Total, hers.Inspections.Count).ShouldBe((7, 5));
        hers.Inspections.ShouldAllBe(i => i.OrganizationName == "第一党支部");

        await using (var db = harness.NewDb())
        {
            var rectificationId = await db.Rectifications.Where(r => r.InspectionId == rectified).Select(r => r.Id).SingleAsync();
            var focused = (await service.ListAsync(0, 2, rectificationId)).Value!;
            focused.Page.ShouldBe(2);
            focused.Inspections.Select(i => i.Id).ShouldContain(rectified);
        }
    }

    [Fact]
    public async Task Only_the_office_records_and_the_record_is_validated_in_the_service()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);

        foreach (var refused in new[] { "leader", "secA", "admin" })
        {
            await harness.SignInAsync(refused);
            (await service.RecordAsync(Request(bureau))).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }

        await harness.SignInAsync("office");
        var noInspectors = Request(bureau);
        noInspectors.Inspectors = " ";
        (await service.RecordAsync(noInspectors)).Message.ShouldBe("请填写检查人员。");
        var future = Request(bureau);
        future.Date = new DateTime(2026, 11, 27);
        (await service.RecordAsync(future)).Message.ShouldBe("检查日期不能晚于今天。");
        (await service.RecordAsync(Request(bureau, ("整改", "secA", new DateTime(2026, 11, 19))))).Message.ShouldBe("整改期限不能早于检查日期。");
        var stranger = await service.RecordAsync(Request(bureau, ("整改", "secB", new DateTime(2026, 12, 1))));
        stranger.Status.ShouldBe(ResultStatus.Invalid);
        stranger.Message.ShouldBe("责任人须是被检查党组织的人员。");

        await using var db = harness.NewDb();
        (await db.Inspections.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_office_adds_a_rectification_to_a_recorded_inspection_audited_and_owned_within_the_organization()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        var inspectionId = await RecordAsync(harness, Request(bureau));
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);
        AddRectificationRequest Add(string owner, DateTime? due, string what = "补充公开栏照片") =>
            new() { InspectionId = inspectionId, What = what, OwnerId = bureau[owner].UserId, DueDate = due };

        await harness.SignInAsync("office");
        (await service.AddRectificationAsync(Add("secA", new DateTime(2026, 12, 5), " "))).Message.ShouldBe("请填写整改内容。");
        (await service.AddRectificationAsync(Add("secA", null))).Message.ShouldBe("请填写整改期限。");
        (await service.AddRectificationAsync(Add("secA", new DateTime(2026, 11, 19)))).Message.ShouldBe("整改期限不能早于检查日期。");
        var stranger = await service.AddRectificationAsync(Add("secB", new DateTime(2026, 12, 5)));
        stranger.Status.ShouldBe(ResultStatus.Invalid);
        stranger.Message.ShouldBe("责任人须是被检查党组织的人员。");
        (await service.AddRectificationAsync(new AddRectificationRequest { InspectionId = inspectionId + 100, What = "x", OwnerId = bureau["secA"].UserId, DueDate = new DateTime(2026, 12, 5) }))
            .Status.ShouldBe(ResultStatus.NotFound);

        var added = await service.AddRectificationAsync(Add("drafterA", new DateTime(2026, 12, 5)));
        added.Succeeded.ShouldBeTrue(added.Message);

        var row = (await service.ListAsync()).Value!.Inspections.ShouldHaveSingleItem().Rectifications.ShouldHaveSingleItem();
        (row.Id, row.What, row.OwnerName, row.DueDate, row.State).ShouldBe((added.Value, "补充公开栏照片", "drafterA", new DateOnly(2026, 12, 5), RectificationState.Open));
        await harness.SignInAsync("drafterA");
        (await service.ListAsync()).Value!.Inspections.ShouldHaveSingleItem().Rectifications.ShouldHaveSingleItem().CanComplete.ShouldBeTrue();
        await using var db = harness.NewDb();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Rectification) && a.Action == WorkflowAction.Add);
        audit.EntityId.ShouldBe(added.Value);
    }

    [Fact]
    public async Task Only_the_office_adds_a_rectification_to_an_inspection()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        var inspectionId = await RecordAsync(harness, Request(bureau));
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);
        foreach (var refused in new[] { "leader", "secA", "drafterA", "memberA", "handler", "admin" })
        {
            await harness.SignInAsync(refused);
            (await service.AddRectificationAsync(new AddRectificationRequest { InspectionId = inspectionId, What = "补充", OwnerId = bureau["secA"].UserId, DueDate = new DateTime(2026, 12, 5) }))
                .Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
        await using var db = harness.NewDb();
        (await db.Rectifications.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_owner_or_the_office_completes_a_rectification_with_a_note_and_nobody_else_does()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        await RecordAsync(harness, Request(bureau, ("补齐记录", "secA", new DateTime(2026, 11, 25)), ("补充明细", "drafterA", new DateTime(2026, 12, 10))));
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);
        var rows = (await service.ListAsync()).Value!.Inspections.Single().Rectifications;
        var (first, second) = (rows[0], rows[1]);
        CompleteRectificationRequest Complete(RectificationRow row, string outcome, int? version = null) =>
            new() { RectificationId = row.Id, Version = version ?? row.Version, Outcome = outcome };

        foreach (var refused in new[] { "secB", "leader", "drafterA" })
        {
            await harness.SignInAsync(refused);
            (await service.CompleteAsync(Complete(first, "已整改。"))).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
        await harness.SignInAsync("secA");
        (await service.CompleteAsync(Complete(first, " "))).Message.ShouldBe("请填写整改情况。");
        (await service.CompleteAsync(Complete(first, "已整改。", first.Version + 1))).Status.ShouldBe(ResultStatus.Conflict);
        (await service.CompleteAsync(Complete(first, "已补齐近三个月记录。"))).Succeeded.ShouldBeTrue();
        (await service.CompleteAsync(Complete(first, "再次完成。", first.Version + 1))).Status.ShouldBe(ResultStatus.Invalid);

        await harness.SignInAsync("office");
        (await service.CompleteAsync(Complete(second, "办公室核实已补充。"))).Succeeded.ShouldBeTrue();

        await using var db = harness.NewDb();
        var done = await db.Rectifications.OrderBy(r => r.Id).ToListAsync();
        done.Select(r => (r.State, r.Outcome)).ShouldBe([(RectificationState.Done, "已补齐近三个月记录。"), (RectificationState.Done, "办公室核实已补充。")]);
        done[0].DoneAtUtc.ShouldBe(harness.Time.GetUtcNow().UtcDateTime);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Rectification) && a.Action == WorkflowAction.Complete)).ShouldBe(2);
    }

    [Fact]
    public async Task An_overdue_rectification_shows_on_the_dashboard_and_reminds_its_owner_once()
    {
        var (harness, bureau) = await BureauAsync();
        await using var _ = harness;
        await RecordAsync(harness, Request(bureau, ("补齐记录", "secA", new DateTime(2026, 11, 25)), ("补充明细", "drafterA", new DateTime(2026, 11, 26))));
        var reminder = harness.Services.GetRequiredService<RectificationReminder>();
        await using var scope = harness.NewScope();
        var service = harness.Get<InspectionService>(scope);

        // Due yesterday is overdue; due today is not yet.
        (await reminder.RemindAsync()).ShouldBe(1);
        (await reminder.RemindAsync()).ShouldBe(0);
        await harness.SignInAsync("leader");
        var overdue = (await service.OverdueAsync()).Value!;
        overdue.Total.ShouldBe(1);
        overdue.Items.ShouldHaveSingleItem().What.ShouldBe("补齐记录");
        await harness.SignInAsync("secA");
        (await service.OverdueAsync()).Status.ShouldBe(ResultStatus.Forbidden);

        harness.Time.Advance(TimeSpan.FromDays(1));
        (await reminder.RemindAsync()).ShouldBe(1);
        (await reminder.RemindAsync()).ShouldBe(0);

        await using var db = harness.NewDb();
        var sent = await db.Notifications.OrderBy(n => n.Id).Select(n => new { n.UserId, n.Title, n.Link }).ToListAsync();
        sent.Select(n => n.UserId).ShouldBe([bureau["secA"].UserId, bureau["drafterA"].UserId]);
        sent[0].Title.ShouldBe("整改事项已逾期：补齐记录");
        sent[0].Link!.ShouldStartWith("/inspections?rectification=");
    }
}
