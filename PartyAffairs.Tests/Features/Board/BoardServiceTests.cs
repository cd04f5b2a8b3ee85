using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The audience rule on every read path of the board: the list, search, an item's page, the printed board and the lobby screen.</summary>
public sealed class BoardServiceTests
{
    private sealed record Cast(TestBureau Bureau, int PublicA, int MembersA, int OwnA, int OwnB, int DraftA, int WithdrawnA, int ClosedA, int ExpiredA, int PercentA);

    private static async Task<Cast> SeedAsync(ServiceHarness harness)
    {
        var bureau = await TestBureau.CreateAsync(harness);
        var now = bureau.Now;
        var a = bureau.BranchAId;
        return new Cast(bureau,
            await bureau.OutOfCatalogueAsync(a, "A 社会公开事项", Audience.Public, DisclosureState.Published, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 全体党员事项", Audience.AllMembers, DisclosureState.Published, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 支部内部事项", Audience.Organization, DisclosureState.Published, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B 支部内部事项", Audience.Organization, DisclosureState.Published, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 草稿事项", Audience.Public, DisclosureState.Draft, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 撤回事项", Audience.Public, DisclosureState.Withdrawn, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 已结束事项", Audience.Public, DisclosureState.Closed, now.AddDays(-1)),
            await bureau.OutOfCatalogueAsync(a, "A 过期事项", Audience.Public, DisclosureState.Published, now.AddDays(-10)),
            await bureau.OutOfCatalogueAsync(a, "A 达标率100%_'事项", Audience.Public, DisclosureState.Published, now.AddDays(-2)));
    }

    private static async Task<T> AsAsync<T>(ServiceHarness harness, string? userName, Func<BoardService, Task<Result<T>>> read, ResultStatus expected = ResultStatus.Ok)
    {
        if (userName is null) harness.Auth.SignOut();
        else await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await read(harness.Get<BoardService>(scope));
        result.Status.ShouldBe(expected, result.Message);
        return result.Value!;
    }

    private static IEnumerable<int> Ids(BoardView view) =>
        view.Organizations.SelectMany(o => o.Categories).SelectMany(c => c.Standing.Concat(c.Current)).Select(e => e.Id).Order();

    [Fact]
    public async Task The_board_shows_each_person_only_what_is_on_display_for_their_audience()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        Ids(await AsAsync(harness, null, s => s.ListAsync(null))).ShouldBe(new[] { c.PublicA, c.PercentA }.Order());
        Ids(await AsAsync(harness, "memberA", s => s.ListAsync(null))).ShouldBe(new[] { c.PublicA, c.MembersA, c.OwnA, c.PercentA }.Order());
        Ids(await AsAsync(harness, "memberB", s => s.ListAsync(null))).ShouldBe(new[] { c.PublicA, c.MembersA, c.OwnB, c.PercentA }.Order());
        Ids(await AsAsync(harness, "office", s => s.ListAsync(null))).ShouldBe(new[] { c.PublicA, c.MembersA, c.OwnA, c.OwnB, c.PercentA }.Order());
        // Drafts, withdrawn, closed and expired items stay off the board even for the secretary who wrote them.
        Ids(await AsAsync(harness, "secA", s => s.ListAsync(null))).ShouldBe(new[] { c.PublicA, c.MembersA, c.OwnA, c.PercentA }.Order());
    }

    [Fact]
    public async Task The_board_groups_by_organization_and_category_newest_first()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        var view = await AsAsync(harness, "office", s => s.ListAsync(null));
        view.Organizations.Select(o => o.OrganizationName).ShouldBe(["第一党支部", "第二党支部"]);
        var other = view.Organizations[0].Categories.ShouldHaveSingleItem();
        other.Category.ShouldBe(Category.Other);
        other.Standing.ShouldBeEmpty();
        other.Current.Select(e => e.Id).ShouldBe([c.PublicA, c.MembersA, c.OwnA, c.PercentA], ignoreOrder: true);
        other.Current.Select(e => e.PublishedAtUtc).ShouldBeInOrder(SortDirection.Descending);
        other.Current.Last().Id.ShouldBe(c.PercentA);
    }

    [Fact]
    public async Task Search_matches_titles_literally_and_within_the_audience_rule()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        Ids(await AsAsync(harness, null, s => s.ListAsync("内部"))).ShouldBeEmpty();
        Ids(await AsAsync(harness, "memberA", s => s.ListAsync("内部"))).ShouldBe([c.OwnA]);
        Ids(await AsAsync(harness, "memberB", s => s.ListAsync("内部"))).ShouldBe([c.OwnB]);
        Ids(await AsAsync(harness, "office", s => s.ListAsync(" 内部 "))).ShouldBe(new[] { c.OwnA, c.OwnB }.Order());
        // %, _ and quotes are characters of the title, not patterns or SQL.
        Ids(await AsAsync(harness, null, s => s.ListAsync("%_'"))).ShouldBe([c.PercentA]);
        Ids(await AsAsync(harness, null, s => s.ListAsync("%"))).ShouldBe([c.PercentA]);
        Ids(await AsAsync(harness, null, s => s.ListAsync("A_"))).ShouldBeEmpty();
        Ids(await AsAsync(harness, null, s => s.ListAsync("' OR 1=1 --"))).ShouldBeEmpty();
        Ids(await AsAsync(harness, null, s => s.ListAsync(new string('x', 500)))).ShouldBeEmpty();
        (await AsAsync(harness, null, s => s.ListAsync("   "))).Query.ShouldBeNull();
    }

    [Fact]
    public async Task An_item_page_opens_only_for_its_audience_and_never_for_drafts_or_withdrawn_items()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        async Task Check(string? user, int id, bool found) =>
            await AsAsync(harness, user, s => s.GetItemAsync(id), found ? ResultStatus.Ok : ResultStatus.NotFound);

        await Check(null, c.PublicA, true);
        await Check(null, c.ClosedA, true);
        await Check(null, c.ExpiredA, true);
        foreach (var hidden in new[] { c.MembersA, c.OwnA, c.OwnB, c.DraftA, c.WithdrawnA, 999_999 }) await Check(null, hidden, false);
        await Check("memberA", c.MembersA, true);
        await Check("memberA", c.OwnA, true);
        await Check("memberA", c.OwnB, false);
        await Check("memberB", c.OwnA, false);
        await Check("memberB", c.OwnB, true);
        await Check("office", c.OwnB, true);
        await Check("office", c.DraftA, false);
        await Check("office", c.WithdrawnA, false);
        await Check("secA", c.DraftA, false);
    }

    [Fact]
    public async Task An_item_page_says_whether_it_is_on_display()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        (await AsAsync(harness, null, s => s.GetItemAsync(c.PublicA))).OnDisplay.ShouldBeTrue();
        (await AsAsync(harness, null, s => s.GetItemAsync(c.ClosedA))).OnDisplay.ShouldBeFalse();
        var expired = await AsAsync(harness, null, s => s.GetItemAsync(c.ExpiredA));
        expired.OnDisplay.ShouldBeFalse();
        expired.ContentHtml.ShouldContain("<h2");
        expired.Versions.ShouldHaveSingleItem().Number.ShouldBe(1);
    }

    [Fact]
    public async Task Only_disclosed_results_show_and_never_the_feedback_itself()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);
        var now = c.Bureau.Now;
        await c.Bureau.FeedbackAsync(c.PublicA, now.AddHours(-20), null, closed: true);
        await c.Bureau.FeedbackAsync(c.PublicA, now.AddHours(-10), null);
        var abusive = await c.Bureau.FeedbackAsync(c.PublicA, now.AddHours(-5), null, closed: false);
        await using (var db = harness.NewDb())
        {
            (await db.Feedback.FindAsync(abusive))!.MarkAbusive(c.Bureau["handler"], now, "辱骂");
            await db.SaveChangesAsync();
        }

        var item = await AsAsync(harness, null, s => s.GetItemAsync(c.PublicA));
        var result = item.Results.ShouldHaveSingleItem();
        result.Resolution.ShouldBe("已公开补充的明细。");
        result.Summary.ShouldBeNull();
        result.DisclosedAtUtc.ShouldBe(now.AddHours(-20));
    }

    [Fact]
    public async Task The_history_links_re_disclosures_both_ways_with_what_changed_but_only_those_the_asker_sees()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);
        var secretary = c.Bureau["secA"];
        var now = c.Bureau.Now;
        int publicRevision, internalRevision;
        await using (var db = harness.NewDb())
        {
            var original = await db.Disclosures.FindAsync(c.PublicA);
            var revision = original!.Revise(secretary, now, "更正");
            revision.Edit("A 社会公开事项（更正）", "<h2>A 社会公开事项</h2><p>更正后的正文。</p>", revision.Channels, Audience.Public, now, now.AddDays(7), false, secretary, now);
            db.Disclosures.Add(revision);
            await db.SaveChangesAsync();
            revision.Submit(secretary, now, []);
            revision.Approve(c.Bureau["office"], now, true);
            revision.Publish(Actor.System, now, original);
            await db.SaveChangesAsync();
            publicRevision = revision.Id;

            var second = revision.Revise(secretary, now, "再更正");
            second.Edit("A 社会公开事项（内部补充）", "仅支部内部。", second.Channels, Audience.Organization, now, now.AddDays(7), false, secretary, now);
            db.Disclosures.Add(second);
            await db.SaveChangesAsync();
            second.Submit(secretary, now, []);
            second.Approve(c.Bureau["office"], now, true);
            second.Publish(Actor.System, now, revision);
            await db.SaveChangesAsync();
            internalRevision = second.Id;
        }

        var anonymous = await AsAsync(harness, null, s => s.GetItemAsync(publicRevision));
        anonymous.Revisions.Select(r => r.Id).ShouldBe([c.PublicA, publicRevision]);
        anonymous.Revisions.Single(r => r.IsThisItem).Id.ShouldBe(publicRevision);
        var diff = anonymous.ChangesFromPrevious.ShouldNotBeNull();
        diff.HasChanges.ShouldBeTrue();
        diff.Body.Blocks.ShouldContain(b => b.Kind != BodyChange.Unchanged
            && string.Concat(b.Text.Where(s => s.Kind != BodyChange.Removed).Select(s => s.Text)) == "更正后的正文。");
        (await AsAsync(harness, null, s => s.GetItemAsync(c.PublicA))).Revisions.Select(r => r.Id).ShouldBe([c.PublicA, publicRevision]);

        (await AsAsync(harness, "memberA", s => s.GetItemAsync(c.PublicA))).Revisions.Select(r => r.Id)
            .ShouldBe([c.PublicA, publicRevision, internalRevision]);
        (await AsAsync(harness, "memberB", s => s.GetItemAsync(c.PublicA))).Revisions.Select(r => r.Id)
            .ShouldBe([c.PublicA, publicRevision]);
    }

    [Fact]
    public async Task The_printed_board_holds_one_organizations_items_for_the_asker_and_offers_only_organizations_with_something_to_print()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);
        var a = c.Bureau.BranchAId;

        var anonymous = await AsAsync(harness, null, s => s.PrintAsync(a));
        anonymous.Items.Select(i => i.Id).Order().ShouldBe(new[] { c.PublicA, c.PercentA }.Order());
        anonymous.OrganizationName.ShouldBe("第一党支部");
        // Public items by default, for everyone; internal ones only when a signed-in person chooses them, within what they may read.
        (await AsAsync(harness, "memberA", s => s.PrintAsync(a))).Items.Select(i => i.Id).Order().ShouldBe(new[] { c.PublicA, c.PercentA }.Order());
        (await AsAsync(harness, null, s => s.PrintAsync(a, internalChosen: true))).Items.Select(i => i.Id).Order().ShouldBe(new[] { c.PublicA, c.PercentA }.Order());
        (await AsAsync(harness, "memberB", s => s.PrintAsync(a, internalChosen: true))).Items.Select(i => i.Id).Order().ShouldBe(new[] { c.PublicA, c.MembersA, c.PercentA }.Order());
        var chosen = await AsAsync(harness, "memberA", s => s.PrintAsync(a, internalChosen: true));
        chosen.IncludesInternal.ShouldBeTrue();
        chosen.Items.Select(i => i.Id).Order().ShouldBe(new[] { c.PublicA, c.MembersA, c.OwnA, c.PercentA }.Order());
        chosen.Items.Single(i => i.Id == c.OwnA).Audience.ShouldBe(Audience.Organization);
        (await AsAsync(harness, null, s => s.PrintAsync(c.Bureau.BranchBId))).Items.ShouldBeEmpty();

        (await AsAsync(harness, null, s => s.PrintAsync(null))).Organizations.Select(o => o.Id).ShouldBe([a]);
        (await AsAsync(harness, "office", s => s.PrintAsync(null))).Organizations.Select(o => o.Id).ShouldBe([a]);
        (await AsAsync(harness, "office", s => s.PrintAsync(null, internalChosen: true))).Organizations.Select(o => o.Id).ShouldBe([a, c.Bureau.BranchBId]);
        await AsAsync(harness, null, s => s.PrintAsync(999_999), ResultStatus.NotFound);
    }

    [Fact]
    public async Task The_lobby_screen_rotates_through_what_the_asker_may_see()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var c = await SeedAsync(harness);

        var first = await AsAsync(harness, null, s => s.ScreenAsync(null, 0));
        first.Count.ShouldBe(2);
        var second = await AsAsync(harness, null, s => s.ScreenAsync(null, first.NextIndex));
        new[] { first.Item!.Id, second.Item!.Id }.Order().ShouldBe(new[] { c.PublicA, c.PercentA }.Order());
        second.NextIndex.ShouldBe(0);
        (await AsAsync(harness, null, s => s.ScreenAsync(null, 7))).Index.ShouldBe(1);
        (await AsAsync(harness, null, s => s.ScreenAsync(null, -1))).Index.ShouldBe(1);

        (await AsAsync(harness, "memberA", s => s.ScreenAsync(c.Bureau.BranchAId, 0))).Count.ShouldBe(4);
        (await AsAsync(harness, "memberB", s => s.ScreenAsync(c.Bureau.BranchAId, 0))).Count.ShouldBe(3);
        var empty = await AsAsync(harness, null, s => s.ScreenAsync(c.Bureau.BranchBId, 0));
        empty.Item.ShouldBeNull();
        empty.Count.ShouldBe(0);
    }
}
