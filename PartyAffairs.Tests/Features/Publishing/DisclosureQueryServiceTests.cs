using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class DisclosureQueryServiceTests
{
    /// <summary>Drafts, submissions and published items of both branches, each titled by what it is.</summary>
    private static async Task<Dictionary<string, int>> ItemsAsync(TestBureau bureau)
    {
        var at = bureau.Now;
        var ids = new Dictionary<string, int>
        {
            ["A draft"] = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A draft", Audience.Public, DisclosureState.Draft, at, "secA"),
            ["A submitted"] = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A submitted", Audience.Public, DisclosureState.Submitted, at, "drafterA"),
            ["A published internal"] = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A published internal", Audience.Organization, DisclosureState.Published, at, "secA"),
            ["B draft"] = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B draft", Audience.Public, DisclosureState.Draft, at, "secB"),
            ["B rejected"] = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B rejected", Audience.Public, DisclosureState.Rejected, at, "secB"),
            ["B published internal"] = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B published internal", Audience.Organization, DisclosureState.Published, at, "secB"),
            ["B published members"] = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B published members", Audience.AllMembers, DisclosureState.Published, at, "secB"),
            ["B closed public"] = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B closed public", Audience.Public, DisclosureState.Closed, at, "secB"),
        };
        return ids;
    }

    private static async Task<IReadOnlyList<string>> TitlesFor(ServiceHarness harness, string userName, DisclosureFilter? filter = null)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await harness.Get<DisclosureQueryService>(scope).ListAsync(filter ?? new DisclosureFilter());
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!.Rows.Select(r => r.Title).ToList();
    }

    [Fact]
    public async Task A_secretary_sees_every_state_of_their_branch_but_no_draft_of_another()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await ItemsAsync(bureau);

        var titles = await TitlesFor(harness, "secA");

        titles.ShouldBe(["A draft", "A submitted", "A published internal", "B published members", "B closed public"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_member_never_sees_a_draft_only_what_was_published_to_an_audience_they_belong_to()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await ItemsAsync(bureau);

        (await TitlesFor(harness, "memberA")).ShouldBe(["A published internal", "B published members", "B closed public"], ignoreOrder: true);
        (await TitlesFor(harness, "memberB")).ShouldBe(["B published internal", "B published members", "B closed public"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_office_sees_the_whole_bureau_and_filters_by_state_organization_and_catalogue()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await ItemsAsync(bureau);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Yearly, Audience.Organization, [new DateOnly(2026, 12, 31)]));
        await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][0], "A in catalogue", DisclosureState.Submitted, bureau.Now);

        (await TitlesFor(harness, "office")).Count.ShouldBe(9);
        (await TitlesFor(harness, "leader", new DisclosureFilter(State: DisclosureState.Draft))).ShouldBe(["A draft", "B draft"], ignoreOrder: true);
        (await TitlesFor(harness, "office", new DisclosureFilter(OrganizationId: bureau.BranchAId, State: DisclosureState.Submitted)))
            .ShouldBe(["A submitted", "A in catalogue"], ignoreOrder: true);
        (await TitlesFor(harness, "office", new DisclosureFilter(InCatalogue: true))).ShouldBe(["A in catalogue"]);
        (await TitlesFor(harness, "office", new DisclosureFilter(InCatalogue: false))).Count.ShouldBe(8);
    }

    [Fact]
    public async Task An_item_someone_may_not_see_is_not_found_and_a_reader_gets_no_review_history()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var ids = await ItemsAsync(bureau);
        await using var scope = harness.NewScope();
        var service = harness.Get<DisclosureQueryService>(scope);

        await harness.SignInAsync("secA");
        (await service.GetAsync(ids["B draft"])).Status.ShouldBe(ResultStatus.NotFound);
        await harness.SignInAsync("memberA");
        (await service.GetAsync(ids["A draft"])).Status.ShouldBe(ResultStatus.NotFound);
        (await service.GetAsync(ids["B published internal"])).Status.ShouldBe(ResultStatus.NotFound);
        (await service.GetAsync(999_999)).Status.ShouldBe(ResultStatus.NotFound);

        var asReader = (await service.GetAsync(ids["A published internal"])).Value!;
        asReader.Body.ShouldContain("正文");
        asReader.SeesWork.ShouldBeFalse();
        asReader.Audit.ShouldBeEmpty();
        asReader.Approvals.ShouldBeEmpty();

        await harness.SignInAsync("secA");
        var asSecretary = (await service.GetAsync(ids["A published internal"])).Value!;
        asSecretary.SeesWork.ShouldBeTrue();
        asSecretary.Versions.Count.ShouldBe(1);
        asSecretary.Approvals.Single().ConfidentialityConfirmed.ShouldBeTrue();
        asSecretary.Audit.Select(a => a.Action).ShouldBe([WorkflowAction.Create, WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Publish]);
    }

    [Fact]
    public async Task The_detail_lists_attachments_with_name_size_and_hash()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var id = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "带附件", Audience.Public, DisclosureState.Draft, bureau.Now, "secA");
        var sha = new string('a', 64);
        await using (var db = harness.NewDb())
        {
            var draft = await db.Disclosures.SingleAsync(d => d.Id == id);
            draft.AddAttachment(new Attachment("经费明细.xlsx", "application/vnd.ms-excel", 2048, sha, "uploads/x.xlsx", bureau["secA"], bureau.Now));
            await db.SaveChangesAsync();
        }
        await harness.SignInAsync("drafterA");
        await using var scope = harness.NewScope();

        var detail = (await harness.Get<DisclosureQueryService>(scope).GetAsync(id)).Value!;

        var attachment = detail.Attachments.ShouldHaveSingleItem();
        (attachment.FileName, attachment.SizeBytes, attachment.Sha256).ShouldBe(("经费明细.xlsx", 2048L, sha));
    }

    [Fact]
    public async Task Review_rights_follow_the_catalogue_and_the_office_approves_everything_setting()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Yearly, Audience.Organization, [new DateOnly(2026, 12, 31)]));
        var inCatalogue = await bureau.ForOccurrenceAsync(occurrences["支部党员大会"][0], "A in catalogue", DisclosureState.Submitted, bureau.Now, "drafterA");
        var outOfCatalogue = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A out of catalogue", Audience.Public, DisclosureState.Submitted, bureau.Now, "drafterA");
        var draft = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A draft", Audience.Public, DisclosureState.Draft, bureau.Now, "drafterA");
        await using var scope = harness.NewScope();
        var service = harness.Get<DisclosureQueryService>(scope);

        async Task<bool> CanReview(string userName, int id)
        {
            await harness.SignInAsync(userName);
            return (await service.GetAsync(id)).Value!.CanReview;
        }

        (await CanReview("secA", inCatalogue)).ShouldBeTrue();
        (await CanReview("secA", outOfCatalogue)).ShouldBeFalse();
        (await CanReview("drafterA", inCatalogue)).ShouldBeFalse();
        (await CanReview("leader", inCatalogue)).ShouldBeFalse();
        (await CanReview("office", outOfCatalogue)).ShouldBeTrue();
        (await CanReview("office", draft)).ShouldBeFalse();

        await harness.SignInAsync("office");
        (await harness.Get<SettingsService>(scope).SaveAsync(new AppSettings { OfficeApprovesEverything = true })).Succeeded.ShouldBeTrue();
        (await CanReview("secA", inCatalogue)).ShouldBeFalse();
        (await CanReview("office", inCatalogue)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_pure_admin_may_not_list_disclosures()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        (await harness.Get<DisclosureQueryService>(scope).ListAsync(new DisclosureFilter())).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
