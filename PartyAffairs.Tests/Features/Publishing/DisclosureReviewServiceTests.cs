using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class DisclosureReviewServiceTests
{
    private static async Task<(ServiceHarness Harness, ReviewBureau Bureau)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await ReviewBureau.CreateAsync(harness));
    }

    private static async Task<Result> ApproveAsOneOf(ServiceHarness harness, string userName, int disclosureId)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var service = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
        await using var db = harness.NewDb();
        var version = await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Version).SingleAsync();
        return await service.ApproveAsync(disclosureId, version, confidentialityConfirmed: true, comment: null);
    }

    // Every role, on its own organization (branch A, the item's) and on another (branch B or the committee).
    [Theory]
    [InlineData(Roles.Secretary, "A", true, false)]
    [InlineData(Roles.Secretary, "B", false, false)]
    [InlineData(Roles.Drafter, "A", false, false)]
    [InlineData(Roles.Drafter, "B", false, false)]
    [InlineData(Roles.Office, "C", true, true)]
    [InlineData(Roles.Leader, "C", false, false)]
    [InlineData(Roles.Leader, "A", false, false)]
    [InlineData(Roles.FeedbackHandler, "A", false, false)]
    [InlineData(Roles.Member, "A", false, false)]
    [InlineData(Roles.Admin, "C", false, false)]
    public async Task Who_may_approve_in_and_out_of_catalogue_items(string role, string organization, bool inCatalogue, bool outOfCatalogue)
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var organizationId = organization switch { "A" => bureau.BranchA, "B" => bureau.BranchB, _ => bureau.Committee };
        await harness.CreateUserAsync("reviewer", organizationId, role);
        var before = await ReviewBureau.SnapshotAsync(harness);

        var inResult = await ApproveAsOneOf(harness, "reviewer", bureau.InCatalogueId);
        var outResult = await ApproveAsOneOf(harness, "reviewer", bureau.OutOfCatalogueId);

        (inResult.Succeeded, outResult.Succeeded).ShouldBe((inCatalogue, outOfCatalogue));
        if (!inCatalogue) inResult.Status.ShouldBe(ResultStatus.Forbidden);
        if (!outOfCatalogue) outResult.Status.ShouldBe(ResultStatus.Forbidden);
        if (!inCatalogue && !outOfCatalogue) (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task A_drafter_cannot_approve_and_nothing_changes()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var before = await ReviewBureau.SnapshotAsync(harness);

        var result = await ApproveAsOneOf(harness, "drafterA", bureau.InCatalogueId);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("目录内事项由本组织书记或领导小组办公室审核。");
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task A_secretary_of_another_branch_cannot_approve_and_nothing_changes()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var before = await ReviewBureau.SnapshotAsync(harness);

        var result = await ApproveAsOneOf(harness, "secretaryB", bureau.InCatalogueId);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task The_branch_secretary_approves_in_catalogue_items_with_an_approval_and_an_audit_entry()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;

        var result = await ApproveAsOneOf(harness, "secretaryA", bureau.InCatalogueId);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = harness.NewDb();
        var d = await db.Disclosures.Include(x => x.Approvals).SingleAsync(x => x.Id == bureau.InCatalogueId);
        d.State.ShouldBe(DisclosureState.Approved);
        d.Approvals.ShouldHaveSingleItem().ConfidentialityConfirmed.ShouldBeTrue();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Disclosure) && a.EntityId == d.Id && a.Action == WorkflowAction.Approve).SingleAsync();
        audit.ActorName.ShouldBe("secretaryA");
        (audit.FromState, audit.ToState).ShouldBe(("Submitted", "Approved"));
        audit.OrganizationId.ShouldBe(bureau.BranchA);
    }

    [Fact]
    public async Task Only_the_office_approves_out_of_catalogue_items()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var before = await ReviewBureau.SnapshotAsync(harness);

        var bySecretary = await ApproveAsOneOf(harness, "secretaryA", bureau.OutOfCatalogueId);
        bySecretary.Status.ShouldBe(ResultStatus.Forbidden);
        bySecretary.Message.ShouldBe("目录外事项只能由领导小组办公室审核。");
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);

        (await ApproveAsOneOf(harness, "office", bureau.OutOfCatalogueId)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task With_the_setting_on_even_in_catalogue_items_need_the_office()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            (await settings.SaveAsync(new AppSettings { OfficeApprovesEverything = true })).Succeeded.ShouldBeTrue();
        }

        (await ApproveAsOneOf(harness, "secretaryA", bureau.InCatalogueId)).Status.ShouldBe(ResultStatus.Forbidden);
        (await ApproveAsOneOf(harness, "office", bureau.InCatalogueId)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_removed_role_is_refused_on_the_next_call_without_signing_in_again()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var secretaryId = await harness.SignInAsync("secretaryA");
        await using (var db = harness.NewDb())
        {
            var roleId = await db.Roles.Where(r => r.Name == Roles.Secretary).Select(r => r.Id).SingleAsync();
            db.UserRoles.Remove(await db.UserRoles.SingleAsync(ur => ur.UserId == secretaryId && ur.RoleId == roleId));
            await db.SaveChangesAsync();
        }

        (await ApproveAsOneOf(harness, "secretaryA", bureau.InCatalogueId)).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_the_second_of_two_reviewers_is_told()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
        int seen;
        await using (var db = harness.NewDb()) seen = await db.Disclosures.Where(d => d.Id == bureau.OutOfCatalogueId).Select(d => d.Version).SingleAsync();

        (await service.ApproveAsync(bureau.OutOfCatalogueId, seen, true, null)).Succeeded.ShouldBeTrue();
        var second = await service.RejectAsync(bureau.OutOfCatalogueId, seen, "不同意");

        second.Status.ShouldBe(ResultStatus.Conflict);
        second.Message.ShouldBe("该记录已被他人修改，请刷新后查看最新内容。");
    }

    [Fact]
    public async Task Rules_come_back_as_messages_not_exceptions()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
        await using var db = harness.NewDb();
        var version = await db.Disclosures.Where(d => d.Id == bureau.OutOfCatalogueId).Select(d => d.Version).SingleAsync();

        var unconfirmed = await service.ApproveAsync(bureau.OutOfCatalogueId, version, confidentialityConfirmed: false, null);
        unconfirmed.Status.ShouldBe(ResultStatus.Invalid);
        unconfirmed.Message.ShouldBe("审核通过前须确认已完成保密审查。");
        (await service.ApproveAsync(99999, 0, true, null)).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task Sensitive_words_from_settings_block_submission()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var drafter = await harness.SignInAsync("drafterA");
        int id, version;
        await using (var db = harness.NewDb())
        {
            var now = harness.Time.GetUtcNow().UtcDateTime;
            var actor = new Actor(drafter, "drafterA", bureau.BranchA, new HashSet<string> { Roles.Drafter });
            var d = Disclosure.OutOfCatalogue(bureau.BranchA, Category.Other, "理由", Channel.Board, Audience.Public, actor, now);
            d.Edit("通知", "本文件属机密，请勿外传", Channel.Board, Audience.Public, now.AddHours(1), now.AddDays(3), false, actor, now);
            db.Disclosures.Add(d);
            await db.SaveChangesAsync();
            (id, version) = (d.Id, d.Version);
        }
        await using var scope = harness.NewScope();
        var result = await scope.ServiceProvider.GetRequiredService<DisclosureReviewService>().SubmitAsync(id, version);
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message!.ShouldContain("机密");
    }
}
