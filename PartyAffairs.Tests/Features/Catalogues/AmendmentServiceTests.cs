using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Catalogues.Amendments;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class AmendmentServiceTests
{
    private static CatalogueItemRequest Request(int organizationId, string title, Cadence cadence) => new()
    {
        OrganizationId = organizationId,
        Title = title,
        Channels = Channel.Board,
        Cadence = cadence,
        ResponsiblePerson = "张书记",
    };

    private static async Task<T> AsAsync<T>(ServiceHarness harness, string user, Func<AmendmentService, Task<T>> call)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<AmendmentService>(scope));
    }

    /// <summary>A catalogue put in force through the services, with a quarterly item of branch A and a yearly one of branch B.</summary>
    private static async Task<(int CatalogueId, int MeetingId, int FeesId)> InForceAsync(ServiceHarness harness, TestBureau bureau)
    {
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var edit = harness.Get<CatalogueEditService>(scope);
        var catalogueId = (await edit.CreateDraftAsync(2026, "")).Value;
        var meetingId = (await edit.AddItemAsync(catalogueId, Request(bureau.BranchAId, "党员大会", Cadence.Quarterly))).Value;
        var feesId = (await edit.AddItemAsync(catalogueId, Request(bureau.BranchBId, "党费收缴", Cadence.Yearly))).Value;
        (await edit.SubmitAsync(catalogueId, 1)).Succeeded.ShouldBeTrue();
        // Nobody approves the catalogue they submitted.
        await harness.SignInAsync("leader");
        (await edit.ApproveAsync(catalogueId, 2, null)).Succeeded.ShouldBeTrue();
        await harness.SignInAsync("office");
        return (catalogueId, meetingId, feesId);
    }

    [Fact]
    public async Task An_amendment_that_adds_changes_and_retires_items_is_applied_when_the_leader_approves_it()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, feesId) = await InForceAsync(harness, bureau);

        var amendmentId = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "年中增加主题党日"))).Value;
        (await AsAsync(harness, "secA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Add, null,
            Request(bureau.BranchAId, "主题党日", Cadence.Monthly)))).Succeeded.ShouldBeTrue();
        var change = Request(bureau.BranchAId, "支部党员大会", Cadence.Quarterly);
        change.Description = "每季度召开";
        (await AsAsync(harness, "drafterA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Change, meetingId, change))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Retire, feesId, null))).Succeeded.ShouldBeTrue();

        // The reviewer sees each change beside the item in force.
        var listed = (await AsAsync(harness, "leader", s => s.ListAsync(catalogueId))).Value!.ShouldHaveSingleItem();
        listed.Changes.Select(c => (c.Kind, c.Before?.Title, c.After?.Title)).ShouldBe([
            (AmendmentChangeKind.Add, null, "主题党日"),
            (AmendmentChangeKind.Change, "党员大会", "支部党员大会"),
            (AmendmentChangeKind.Retire, "党费收缴", null),
        ]);

        (await AsAsync(harness, "office", s => s.SubmitAsync(amendmentId, 1))).Succeeded.ShouldBeTrue();
        var approved = await AsAsync(harness, "leader", s => s.ApproveAsync(amendmentId, 2, null));

        approved.Succeeded.ShouldBeTrue(approved.Message);
        await using var db = harness.NewDb();
        var items = await db.CatalogueItems.Include(i => i.Occurrences).Where(i => i.CatalogueId == catalogueId).ToListAsync();
        var added = items.Single(i => i.Title == "主题党日");
        // Approved on 26 November: the new monthly item owes November and December only.
        (added.OrganizationId, added.Occurrences.Count).ShouldBe((bureau.BranchAId, 2));
        var meeting = items.Single(i => i.Id == meetingId);
        (meeting.Title, meeting.Description, meeting.Occurrences.Count).ShouldBe(("支部党员大会", "每季度召开", 4));
        var fees = items.Single(i => i.Id == feesId);
        fees.IsRetired.ShouldBeTrue();
        fees.Occurrences.ShouldAllBe(o => o.State == OccurrenceState.Cancelled);
        (await db.CatalogueAmendments.SingleAsync()).State.ShouldBe(AmendmentState.Approved);
    }

    [Fact]
    public async Task A_secretary_proposes_only_for_their_own_organization_and_only_the_office_opens_and_submits()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, _, feesId) = await InForceAsync(harness, bureau);

        (await AsAsync(harness, "secA", s => s.CreateAsync(catalogueId, "我要改"))).Status.ShouldBe(ResultStatus.Forbidden);
        var amendmentId = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "调整"))).Value;
        var retireOthers = await AsAsync(harness, "secA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Retire, feesId, null));
        var addForOthers = await AsAsync(harness, "secA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Add, null,
            Request(bureau.BranchBId, "替别人加", Cadence.Yearly)));

        retireOthers.Status.ShouldBe(ResultStatus.Forbidden);
        addForOthers.Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Retire, feesId, null))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "secA", s => s.SubmitAsync(amendmentId, 1))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.SubmitAsync(amendmentId, 1))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "drafterA", s => s.ApproveAsync(amendmentId, 2, null))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.ApproveAsync(amendmentId, 1, null))).Status.ShouldBe(ResultStatus.Conflict);
        (await AsAsync(harness, "leader", s => s.RejectAsync(amendmentId, 2, "理由不充分"))).Succeeded.ShouldBeTrue();

        await using var db = harness.NewDb();
        (await db.CatalogueAmendments.SingleAsync()).State.ShouldBe(AmendmentState.Draft);
        (await db.CatalogueItems.SingleAsync(i => i.Id == feesId)).IsRetired.ShouldBeFalse();
    }

    [Fact]
    public async Task A_change_keeps_the_items_cadence_and_a_draft_catalogue_takes_no_amendment()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, _) = await InForceAsync(harness, bureau);
        var amendmentId = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "调整"))).Value;

        var cadence = await AsAsync(harness, "office", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Change, meetingId,
            Request(bureau.BranchAId, "党员大会", Cadence.Monthly)));
        cadence.Status.ShouldBe(ResultStatus.Invalid);
        cadence.Message.ShouldBe("修订不能改变公开时限：请停用原事项并新增一项");

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var draftId = (await harness.Get<CatalogueEditService>(scope).CreateDraftAsync(2027, "")).Value;
        var onDraft = await AsAsync(harness, "office", s => s.CreateAsync(draftId, "调整"));
        onDraft.Status.ShouldBe(ResultStatus.Invalid);
    }

    /// <summary>An amendment of the catalogue in force changing the meeting's title and description, submitted by the Office.</summary>
    private static async Task<int> SubmittedChangeAsync(ServiceHarness harness, TestBureau bureau, int catalogueId, int meetingId)
    {
        var amendmentId = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "更名"))).Value;
        var change = Request(bureau.BranchAId, "支部党员大会", Cadence.Quarterly);
        change.Description = "每季度召开";
        (await AsAsync(harness, "office", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Change, meetingId, change))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.SubmitAsync(amendmentId, 1))).Succeeded.ShouldBeTrue();
        return amendmentId;
    }

    [Fact]
    public async Task An_approved_change_still_shows_each_fields_old_and_new_value_on_the_page_and_in_the_audit()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, _) = await InForceAsync(harness, bureau);
        var amendmentId = await SubmittedChangeAsync(harness, bureau, catalogueId, meetingId);

        (await AsAsync(harness, "leader", s => s.ApproveAsync(amendmentId, 2, null))).Succeeded.ShouldBeTrue();

        // The item in force now holds the new values; the amendment still shows what it replaced.
        var change = (await AsAsync(harness, "office", s => s.ListAsync(catalogueId))).Value!.ShouldHaveSingleItem().Changes.ShouldHaveSingleItem();
        change.BeforeNotRecorded.ShouldBeFalse();
        (change.Before?.Title, change.After?.Title).ShouldBe(("党员大会", "支部党员大会"));
        PartyAffairs.App.Features.Catalogues.Comparison.CatalogueComparison.Fields(change.Before, change.After)
            .Where(f => f.Changed).Select(f => (f.Field, f.Old, f.New))
            .ShouldBe([("Title", "党员大会", "支部党员大会"), ("Description", "", "每季度召开")]);
        await using var db = harness.NewDb();
        var amend = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Catalogue) && a.Action == WorkflowAction.Amend);
        amend.Reason.ShouldBe("更名｜修改「第一党支部·党员大会」：事项 党员大会 → 支部党员大会，内容说明 （空） → 每季度召开");
    }

    [Fact]
    public async Task A_change_approved_before_old_values_were_kept_says_so_instead_of_showing_the_new_values_as_old()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, _) = await InForceAsync(harness, bureau);
        var amendmentId = await SubmittedChangeAsync(harness, bureau, catalogueId, meetingId);
        (await AsAsync(harness, "leader", s => s.ApproveAsync(amendmentId, 2, null))).Succeeded.ShouldBeTrue();
        await using (var db = harness.NewDb()) await db.Database.ExecuteSqlRawAsync("""UPDATE "CatalogueAmendmentChanges" SET "BeforeItemJson" = NULL""");

        var change = (await AsAsync(harness, "office", s => s.ListAsync(catalogueId))).Value!.Single().Changes.Single();

        change.BeforeNotRecorded.ShouldBeTrue();
        change.Before.ShouldBeNull();
        change.After!.Title.ShouldBe("支部党员大会");
    }

    [Fact]
    public async Task A_catalogue_has_one_open_amendment_and_a_discarded_draft_frees_it()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, _, feesId) = await InForceAsync(harness, bureau);
        var first = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "调整"))).Value;

        var second = await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "再调整"));
        second.Status.ShouldBe(ResultStatus.Invalid);
        second.Message.ShouldBe("该目录已有一项未办结的修订，请继续办理它，或先放弃它");

        (await AsAsync(harness, "secA", s => s.DiscardAsync(first, 1))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.DiscardAsync(first, 1))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.AddChangeAsync(first, 2, AmendmentChangeKind.Retire, feesId, null))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "再调整"))).Succeeded.ShouldBeTrue();

        var listed = (await AsAsync(harness, "leader", s => s.ListAsync(catalogueId))).Value!;
        listed.Select(a => a.State).ShouldBe([AmendmentState.Draft, AmendmentState.Discarded]);
        await using var db = harness.NewDb();
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CatalogueAmendment) && a.EntityId == first && a.Action == WorkflowAction.Discard)).ShouldBe(1);
    }

    [Fact]
    public async Task One_change_is_removed_from_a_draft_by_the_office_or_its_own_organization_only()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, feesId) = await InForceAsync(harness, bureau);
        var amendmentId = (await AsAsync(harness, "office", s => s.CreateAsync(catalogueId, "调整"))).Value;
        (await AsAsync(harness, "office", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Retire, feesId, null))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "secA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Retire, meetingId, null))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "secA", s => s.AddChangeAsync(amendmentId, 1, AmendmentChangeKind.Add, null,
            Request(bureau.BranchAId, "主题党日", Cadence.Monthly)))).Succeeded.ShouldBeTrue();
        var changes = (await AsAsync(harness, "office", s => s.ListAsync(catalogueId))).Value!.Single().Changes;
        var (fees, meeting, added) = (changes[0].Id, changes[1].Id, changes[2].Id);

        (await AsAsync(harness, "secA", s => s.RemoveChangeAsync(amendmentId, 1, fees))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "secA", s => s.RemoveChangeAsync(amendmentId, 1, added))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.RemoveChangeAsync(amendmentId, 2, fees))).Succeeded.ShouldBeTrue();

        var left = (await AsAsync(harness, "office", s => s.ListAsync(catalogueId))).Value!.Single();
        left.Changes.Select(c => c.Id).ShouldBe([meeting]);
        (await AsAsync(harness, "office", s => s.SubmitAsync(amendmentId, left.Version))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.RemoveChangeAsync(amendmentId, left.Version + 1, meeting))).Status.ShouldBe(ResultStatus.Invalid);
        await using var db = harness.NewDb();
        (await db.AuditEntries.Where(a => a.EntityType == nameof(CatalogueAmendment) && a.Action == WorkflowAction.RemoveChange).OrderBy(a => a.Id)
            .Select(a => a.Reason).ToListAsync()).ShouldBe(["新增「第一党支部·主题党日」", "撤销「第二党支部·党费收缴」"]);
    }

    [Fact]
    public async Task A_submitted_amendment_waits_on_the_leaders_home_and_rings_the_leaders_bell()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var (catalogueId, meetingId, _) = await InForceAsync(harness, bureau);
        var amendmentId = await SubmittedChangeAsync(harness, bureau, catalogueId, meetingId);

        await harness.SignInAsync("leader");
        await using (var scope = harness.NewScope())
        {
            var leader = (await harness.Get<HomeService>(scope).GetAsync()).Value!.Leader.ShouldNotBeNull();
            leader.CataloguesAwaitingApproval.ShouldBe([new CatalogueLine(catalogueId, 2026, "更名", amendmentId)]);
        }

        await using var db = harness.NewDb();
        var events = (await db.AuditEntries.AsNoTracking()
                .Where(a => (a.EntityType == nameof(CatalogueAmendment) || a.EntityType == nameof(Catalogue)) && a.Action == WorkflowAction.Submit)
                .OrderBy(a => a.Id).ToListAsync())
            .Select(ChangeEvent.From).ToList();
        await harness.Services.GetRequiredService<NotificationWriter>().HandleAsync(events);
        var rung = await (from n in db.Notifications join u in db.Users on n.UserId equals u.Id orderby n.Id select new { u.UserName, n.Title, n.Link }).ToListAsync();
        // The Office member who drew them up may not approve them, so only the Leader is asked: first the catalogue, then its amendment.
        rung.Select(n => (n.UserName, n.Title, n.Link)).ShouldBe([
            ("leader", "2026 年度党务公开目录待审批", "/catalogue?year=2026"),
            ("leader", $"2026 年度目录修订 #{amendmentId} 待审批：更名", "/catalogue?year=2026"),
        ]);
    }
}
