using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Publishing.Lifecycle;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class DisclosureLifecycleServiceTests
{
    private static async Task<(ServiceHarness Harness, ReviewBureau Bureau)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await ReviewBureau.CreateAsync(harness));
    }

    private static async Task<Result> WithdrawAsync(ServiceHarness harness, string userName, int id, string reason)
    {
        await harness.SignInAsync(userName);
        var version = await VersionOfAsync(harness, id);
        await using var scope = harness.NewScope();
        return await harness.Get<DisclosureLifecycleService>(scope).WithdrawAsync(id, version, reason);
    }

    private static async Task<DisclosureState> StateOfAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.State).SingleAsync();
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_the_branch_secretary_or_the_office()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        await PublishAsync(harness, id);

        var noReason = await WithdrawAsync(harness, "secretaryA", id, "  ");
        noReason.Message.ShouldBe("撤回必须填写原因。");
        (await WithdrawAsync(harness, "drafterA", id, "发布有误")).Status.ShouldBe(ResultStatus.Forbidden);
        (await WithdrawAsync(harness, "secretaryB", id, "发布有误")).Status.ShouldBe(ResultStatus.Forbidden);
        (await StateOfAsync(harness, id)).ShouldBe(DisclosureState.Published);

        (await WithdrawAsync(harness, "secretaryA", id, "发布有误")).Succeeded.ShouldBeTrue();
        (await StateOfAsync(harness, id)).ShouldBe(DisclosureState.Withdrawn);
        await using var db = harness.NewDb();
        (await db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == WorkflowAction.Withdraw)).Reason.ShouldBe("发布有误");
    }

    [Fact]
    public async Task An_important_item_in_its_first_week_is_withdrawn_only_by_the_office()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await DraftAsync(harness, bureau.BranchA, Audience.Public, important: true);
        await PublishAsync(harness, id);
        harness.Time.Advance(TimeSpan.FromDays(6));

        var secretary = await WithdrawAsync(harness, "secretaryA", id, "内容有误");
        secretary.Message.ShouldBe("重要事项公开不少于一周，公开未满一周撤回须经党委办公室同意，请由办公室办理。");
        (await StateOfAsync(harness, id)).ShouldBe(DisclosureState.Published);

        (await WithdrawAsync(harness, "office", id, "内容有误")).Succeeded.ShouldBeTrue();
        (await StateOfAsync(harness, id)).ShouldBe(DisclosureState.Withdrawn);
    }

    [Fact]
    public async Task After_its_first_week_an_important_item_may_be_withdrawn_by_its_secretary()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await DraftAsync(harness, bureau.BranchA, Audience.Public, important: true);
        await PublishAsync(harness, id);
        harness.Time.Advance(TimeSpan.FromDays(7));

        (await WithdrawAsync(harness, "secretaryA", id, "已过时")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_revision_is_a_linked_draft_with_the_reason_audited_and_the_diff_shows_the_changed_line()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        await PublishAsync(harness, id);
        await harness.SignInAsync("drafterA");

        int revisionId;
        await using (var scope = harness.NewScope())
        {
            var lifecycle = harness.Get<DisclosureLifecycleService>(scope);
            (await lifecycle.ReviseAsync(id, " ")).Message.ShouldBe("再次公开必须填写原因。");
            var revised = await lifecycle.ReviseAsync(id, "更正第二行");
            revised.Succeeded.ShouldBeTrue(revised.Message);
            revisionId = revised.Value;
            (await lifecycle.ReviseAsync(id, "再点一次")).Message.ShouldBe("该事项已有一份正在办理的再次公开稿，请在那一份上继续。");
        }

        await using (var db = harness.NewDb())
        {
            var revision = await db.Disclosures.SingleAsync(d => d.Id == revisionId);
            revision.State.ShouldBe(DisclosureState.Draft);
            revision.RevisesDisclosureId.ShouldBe(id);
            revision.RevisionNumber.ShouldBe(2);
            (await db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == WorkflowAction.Revise)).Reason.ShouldBe("更正第二行");
            var now = harness.Time.GetUtcNow().UtcDateTime;
            var drafter = new Actor("d", "d", bureau.BranchA, new HashSet<string> { Roles.Drafter });
            revision.Edit("标题", "<p>第一行</p><p>第二行（更正）</p><p>第三行</p>", Channel.Board, Audience.Public, now, now.AddDays(8), false, drafter, now);
            await db.SaveChangesAsync();
        }

        await using (var scope = harness.NewScope())
        {
            var diff = (await harness.Get<DisclosureLifecycleService>(scope).DiffAsync(revisionId)).Value!;
            diff.PreviousId.ShouldBe(id);
            diff.Title.ShouldAllBe(l => l.Kind == ChangeType.Unchanged);
            // The reader's comparison: the one changed paragraph, with only what was added marked, not the HTML source.
            var changed = diff.Body.Blocks.Where(b => b.Kind != BodyChange.Unchanged).ShouldHaveSingleItem();
            changed.Kind.ShouldBe(BodyChange.Modified);
            changed.Text.Where(s => s.Kind == BodyChange.Added).Select(s => s.Text).ShouldBe(["（更正）"]);
            changed.Text.ShouldNotContain(s => s.Kind == BodyChange.Removed);
            diff.Body.Blocks.Count(b => b.Kind == BodyChange.Unchanged).ShouldBe(2);
            diff.Body.ToHtml().ShouldNotContain("&lt;p&gt;");
        }
    }

    [Fact]
    public async Task Another_branch_cannot_revise_and_no_draft_appears()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        await PublishAsync(harness, id);
        await harness.SignInAsync("secretaryB");
        await using var scope = harness.NewScope();

        (await harness.Get<DisclosureLifecycleService>(scope).ReviseAsync(id, "改")).Status.ShouldBe(ResultStatus.Forbidden);
        await using var db = harness.NewDb();
        (await db.Disclosures.AnyAsync(d => d.RevisesDisclosureId == id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Approving_an_item_whose_start_has_come_publishes_it_at_once_and_fulfils_its_occurrence()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.SignInAsync("secretaryA");
        var version = await VersionOfAsync(harness, bureau.InCatalogueId);

        await using (var scope = harness.NewScope())
            (await harness.Get<DisclosureReviewService>(scope).ApproveAsync(bureau.InCatalogueId, version, true, null)).Succeeded.ShouldBeTrue();

        await using var db = harness.NewDb();
        var d = await db.Disclosures.Include(x => x.CatalogueOccurrence).SingleAsync(x => x.Id == bureau.InCatalogueId);
        d.State.ShouldBe(DisclosureState.Published);
        d.PublishedAtUtc.ShouldBe(harness.Time.GetUtcNow().UtcDateTime);
        d.CatalogueOccurrence!.DisclosureId.ShouldBe(d.Id);
    }

    [Fact]
    public async Task Approving_an_item_whose_start_is_still_ahead_leaves_it_to_the_schedule()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("secretaryA");
        var version = await VersionOfAsync(harness, bureau.InCatalogueId);

        await using (var scope = harness.NewScope())
            (await harness.Get<DisclosureReviewService>(scope).ApproveAsync(bureau.InCatalogueId, version, true, null)).Succeeded.ShouldBeTrue();

        (await StateOfAsync(harness, bureau.InCatalogueId)).ShouldBe(DisclosureState.Approved);
    }
}
