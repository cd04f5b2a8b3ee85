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
    public async Task The_list_comes_a_page_at_a_time_latest_change_first_with_the_filters_applied_in_the_database()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var states = new[] { DisclosureState.Draft, DisclosureState.Submitted, DisclosureState.Published, DisclosureState.Rejected };
        for (var i = 0; i < 14; i++)
        {
            var (branch, author) = i % 2 == 0 ? (bureau.BranchAId, i % 4 == 0 ? "secA" : "drafterA") : (bureau.BranchBId, "secB");
            // Two items share each time, so the id has to keep the pages apart.
            await bureau.OutOfCatalogueAsync(branch, $"事项 {i:00}", Audience.Public, states[i % 4], bureau.Now.AddDays(-20).AddHours(i / 2), author);
        }

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<DisclosureQueryService>(scope);
        async Task<DisclosureListView> Page(DisclosureFilter filter) => (await service.ListAsync(filter)).Value!;

        var whole = await Page(new DisclosureFilter(PageSize: DisclosureQueryService.MaxPageSize));
        whole.Total.ShouldBe(14);
        whole.Rows.Select(r => r.LastChangeUtc).ShouldBeInOrder(SortDirection.Descending);
        var first = await Page(new DisclosureFilter(Page: 0, PageSize: 5));
        var second = await Page(new DisclosureFilter(Page: 1, PageSize: 5));
        first.Rows.Count.ShouldBe(5);
        (first.Total, second.Total).ShouldBe((14, 14));
        first.Rows.Concat(second.Rows).Select(r => r.Id).ShouldBe(whole.Rows.Take(10).Select(r => r.Id));
        (await Page(new DisclosureFilter(Page: 2, PageSize: 5))).Rows.Count.ShouldBe(4);

        // The same rules as before: drafts are what is still being written (a draft, or rejected); an organization; a state.
        var drafts = await Page(new DisclosureFilter(Drafts: true, PageSize: 3));
        drafts.Total.ShouldBe(whole.Rows.Count(r => r.State is DisclosureState.Draft or DisclosureState.Rejected));
        drafts.Rows.Count.ShouldBe(3);
        drafts.Rows.ShouldAllBe(r => r.State == DisclosureState.Draft || r.State == DisclosureState.Rejected);
        var onB = await Page(new DisclosureFilter(OrganizationId: bureau.BranchBId, State: DisclosureState.Submitted, PageSize: 100));
        onB.Total.ShouldBe(whole.Rows.Count(r => r.OrganizationId == bureau.BranchBId && r.State == DisclosureState.Submitted));
        onB.Rows.ShouldAllBe(r => r.OrganizationId == bureau.BranchBId && r.State == DisclosureState.Submitted);

        var byTitle = await Page(new DisclosureFilter(SortBy: nameof(DisclosureRow.Title), PageSize: 4, Page: 1));
        byTitle.Rows.Select(r => r.Title).ShouldBe(["事项 04", "事项 05", "事项 06", "事项 07"]);
        var oldestFirst = await Page(new DisclosureFilter(SortBy: nameof(DisclosureRow.LastChangeUtc), PageSize: 100));
        oldestFirst.Rows.Select(r => r.Id).ShouldBe(whole.Rows.Select(r => r.Id).Reverse());

        // What a drafter wrote, counted by the same rule as her home page: her own items, on every page.
        await harness.SignInAsync("drafterA");
        await using var drafterScope = harness.NewScope();
        var mine = (await harness.Get<DisclosureQueryService>(drafterScope).ListAsync(new DisclosureFilter(Mine: true, PageSize: 2))).Value!;
        mine.Total.ShouldBe(3);
        mine.Rows.Count.ShouldBe(2);
        mine.Rows.ShouldAllBe(r => r.AuthorName == bureau["drafterA"].DisplayName);
    }

    [Fact]
    public async Task A_page_never_holds_more_than_the_service_allows()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        for (var i = 0; i < DisclosureQueryService.MaxPageSize + 2; i++)
            await bureau.OutOfCatalogueAsync(bureau.BranchAId, $"事项 {i}", Audience.Public, DisclosureState.Draft, bureau.Now.AddMinutes(-i), "secA");

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var page = (await harness.Get<DisclosureQueryService>(scope).ListAsync(new DisclosureFilter(PageSize: 10_000))).Value!;

        page.Rows.Count.ShouldBe(DisclosureQueryService.MaxPageSize);
        page.Total.ShouldBe(DisclosureQueryService.MaxPageSize + 2);
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
