using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
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
}
