using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.BoardPostings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.BoardPostings;

/// <summary>
/// Recording a posted board through the service: who may, what is checked again (the form's rules, the domain's, the photo's
/// content), who sees the record and its photo. Now is 2026-11-26 10:00 in Beijing; branch A's Board item went up on the 23rd.
/// </summary>
public sealed class BoardPostingServiceTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static async Task<(ServiceHarness Harness, TestBureau Bureau, int ItemA, int ItemB)> BureauAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var up = bureau.Now.AddDays(-3);
        var itemA = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "第一支部党费收缴情况", Audience.Public, DisclosureState.Published, up);
        var itemB = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "第二支部党费收缴情况", Audience.Public, DisclosureState.Published, up);
        return (harness, bureau, itemA, itemB);
    }

    private static RecordBoardPostingRequest Request(TestBureau bureau, params int[] items) => new()
    {
        OrganizationId = bureau.BranchAId,
        PostedOn = new DateTime(2026, 11, 24),
        Location = "办公楼一楼公开栏",
        PhotoFileName = "board.png",
        PhotoContent = Png,
        DisclosureIds = items.ToList(),
    };

    private static async Task<Result<int>> RecordAsync(ServiceHarness harness, string who, RecordBoardPostingRequest request)
    {
        await harness.SignInAsync(who);
        await using var scope = harness.NewScope();
        return await harness.Get<BoardPostingService>(scope).RecordAsync(request);
    }

    private static string[] StoredPhotos(ServiceHarness harness)
    {
        var directory = Path.Combine(harness.DataDirectory, "uploads", "postings");
        return Directory.Exists(directory) ? Directory.GetFiles(directory) : [];
    }

    [Fact]
    public async Task The_secretary_records_a_posting_which_her_branch_and_the_office_see_with_its_photo_and_no_other_branch_does()
    {
        var (harness, bureau, itemA, _) = await BureauAsync();
        await using var _ = harness;

        var recorded = await RecordAsync(harness, "secA", Request(bureau, itemA));

        recorded.Succeeded.ShouldBeTrue(recorded.Message);
        await using var scope = harness.NewScope();
        var service = harness.Get<BoardPostingService>(scope);
        foreach (var reader in new[] { "secA", "drafterA", "office", "leader" })
        {
            await harness.SignInAsync(reader);
            var row = (await service.ListAsync(new BoardPostingFilter())).Value!.Postings.ShouldHaveSingleItem(reader);
            (row.OrganizationName, row.PostedOn, row.Location, row.RecordedByName).ShouldBe(("第一党支部", new DateOnly(2026, 11, 24), "办公楼一楼公开栏", "secA"));
            row.ItemTitles.ShouldBe(["第一支部党费收缴情况"]);
            var photo = await service.GetPhotoAsync(row.Id);
            photo.Succeeded.ShouldBeTrue(reader);
            photo.Value!.ContentType.ShouldBe("image/png");
            (await File.ReadAllBytesAsync(photo.Value.FullPath)).ShouldBe(Png);
        }
        await harness.SignInAsync("secB");
        (await service.ListAsync(new BoardPostingFilter())).Value!.Postings.ShouldBeEmpty();
        (await service.GetPhotoAsync(recorded.Value)).Status.ShouldBe(ResultStatus.NotFound);

        await harness.SignInAsync("office");
        (await service.ListAsync(new BoardPostingFilter(Year: 2026, Quarter: 4))).Value!.Postings.Count.ShouldBe(1);
        (await service.ListAsync(new BoardPostingFilter(Year: 2026, Quarter: 3))).Value!.Postings.ShouldBeEmpty();
        (await service.ListAsync(new BoardPostingFilter(OrganizationId: bureau.BranchBId))).Value!.Postings.ShouldBeEmpty();

        await using var db = harness.NewDb();
        var posting = await db.BoardPostings.SingleAsync();
        posting.PhotoSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)));
        (await db.AuditEntries.CountAsync(a => a.Action == WorkflowAction.RecordBoardPosting && a.EntityId == posting.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task The_list_comes_a_page_at_a_time_newest_first_with_the_filters_applied_in_the_database()
    {
        var (harness, bureau, itemA, itemB) = await BureauAsync();
        await using var _ = harness;
        for (var i = 0; i < 7; i++)
            {
            var request = Request(bureau, itemA);
            request.Location = $"公开栏 {i}";
            (await RecordAsync(harness, "secA", request)).Succeeded.ShouldBeTrue();
        }
        for (var i = 0; i < 2; i++)
        {
            var request = Request(bureau, itemB);
            (request.OrganizationId, request.Location) = (bureau.BranchBId, $"二支部公开栏 {i}");
            (await RecordAsync(harness, "secB", request)).Succeeded.ShouldBeTrue();
        }

        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<BoardPostingService>(scope);
        async Task<BoardPostingListView> Page(BoardPostingFilter filter) => (await service.ListAsync(filter)).Value!;

        var whole = await Page(new BoardPostingFilter(PageSize: BoardPostingService.MaxPageSize));
        whole.Total.ShouldBe(9);
        var first = await Page(new BoardPostingFilter(Page: 0, PageSize: 4));
        var second = await Page(new BoardPostingFilter(Page: 1, PageSize: 4));
        (first.Postings.Count, first.Total, second.Total).ShouldBe((4, 9, 9));
        first.Postings.Concat(second.Postings).Select(p => p.Id).ShouldBe(whole.Postings.Take(8).Select(p => p.Id));
        (await Page(new BoardPostingFilter(Page: 2, PageSize: 4))).Postings.Count.ShouldBe(1);
        (await Page(new BoardPostingFilter(PageSize: 10_000))).Postings.Count.ShouldBe(9);

        var onA = await Page(new BoardPostingFilter(OrganizationId: bureau.BranchAId, PageSize: 5));
        (onA.Total, onA.Postings.Count).ShouldBe((7, 5));
        onA.Postings.ShouldAllBe(p => p.OrganizationName == "第一党支部");
        (await Page(new BoardPostingFilter(Year: 2026, Quarter: 3))).Total.ShouldBe(0);
        // The quarters to choose from do not depend on the page.
        (await Page(new BoardPostingFilter(Page: 2, PageSize: 4))).Quarters.ShouldBe([(2026, 4)]);

        await harness.SignInAsync("secB");
        var theirs = await Page(new BoardPostingFilter(PageSize: 1));
        (theirs.Total, theirs.Postings.Count).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Another_branchs_secretary_and_a_leader_may_not_record_and_nothing_is_stored()
    {
        var (harness, bureau, itemA, _) = await BureauAsync();
        await using var _ = harness;

        foreach (var who in new[] { "secB", "leader", "memberA" })
        {
            (await RecordAsync(harness, who, Request(bureau, itemA))).Status.ShouldBe(ResultStatus.Forbidden, who);
        }

        StoredPhotos(harness).ShouldBeEmpty();
        await using var db = harness.NewDb();
        (await db.BoardPostings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_service_checks_the_form_again_and_refuses_items_the_board_could_not_carry()
    {
        var (harness, bureau, itemA, itemB) = await BureauAsync();
        await using var _ = harness;

        var empty = Request(bureau);
        empty.Location = "";
        var invalid = await RecordAsync(harness, "office", empty);
        invalid.Status.ShouldBe(ResultStatus.Invalid);
        invalid.Errors!.Keys.ShouldBe(["Location", "DisclosureIds"], ignoreOrder: true);

        var future = Request(bureau, itemA);
        future.PostedOn = new DateTime(2026, 11, 27);
        (await RecordAsync(harness, "office", future)).Status.ShouldBe(ResultStatus.Invalid);

        var before = Request(bureau, itemA);
        before.PostedOn = new DateTime(2026, 11, 22);
        (await RecordAsync(harness, "secA", before)).Message!.ShouldContain("公开期");

        (await RecordAsync(harness, "secA", Request(bureau, itemA, itemB))).Status.ShouldBe(ResultStatus.Invalid);
        (await RecordAsync(harness, "secA", Request(bureau, itemA, 987654))).Status.ShouldBe(ResultStatus.Invalid);

        StoredPhotos(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_text_file_renamed_png_is_refused_by_its_content_and_leaves_no_file()
    {
        var (harness, bureau, itemA, _) = await BureauAsync();
        await using var _ = harness;
        var request = Request(bureau, itemA);
        request.PhotoContent = "这不是图片，只是改了扩展名的文本。"u8.ToArray();

        var result = await RecordAsync(harness, "secA", request);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message!.ShouldContain("board.png");
        StoredPhotos(harness).ShouldBeEmpty();
        var pdf = Request(bureau, itemA);
        pdf.PhotoFileName = "board.pdf";
        pdf.PhotoContent = "%PDF-1.4 ..."u8.ToArray();
        (await RecordAsync(harness, "secA", pdf)).Status.ShouldBe(ResultStatus.Invalid);
    }

    [Fact]
    public async Task The_dialog_is_offered_the_branchs_board_items_on_display_that_day()
    {
        var (harness, bureau, itemA, _) = await BureauAsync();
        await using var _ = harness;
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();
        var service = harness.Get<BoardPostingService>(scope);

        (await service.CandidatesAsync(bureau.BranchAId, new DateOnly(2026, 11, 24))).Value!.Select(c => c.DisclosureId).ShouldBe([itemA]);
        (await service.CandidatesAsync(bureau.BranchAId, new DateOnly(2026, 11, 20))).Value!.ShouldBeEmpty();
        (await service.CandidatesAsync(bureau.BranchBId, new DateOnly(2026, 11, 24))).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
