using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The board's directory of organizations at scale: nested under parents, paged with the parents repeated, counts as the visitor may see them.</summary>
public sealed class BoardDirectoryTests
{
    [Fact]
    public void A_page_of_entries_nests_each_under_the_entry_above_it_at_a_lower_depth()
    {
        var directory = new BoardDirectory(
        [
            new(1, "机关党委", 0, 2), new(2, "第一支部", 1, 3), new(3, "第一小组", 2, 1), new(4, "第二支部", 1, 0), new(5, "另一党委", 0, 4),
        ], 1, 1, 5, 10);

        var tree = directory.Tree();

        tree.Select(n => n.Entry.Id).ShouldBe([1, 5]);
        tree[0].Children.Select(n => n.Entry.Id).ShouldBe([2, 4]);
        tree[0].Children[0].Children.Select(n => n.Entry.Id).ShouldBe([3]);
        tree[1].Children.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_directory_pages_through_every_organization_with_Public_items_once_and_repeats_the_parent_on_later_pages()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(new LoadOptions(Organizations: 14, Disclosures: 3000, Feedback: 100, Archive: 10, Years: 1), null, CancellationToken.None);
        // A settings change for this harness only: a small directory page, so 14 organizations take several.
        harness.Services.GetRequiredService<IOptions<BoardOptions>>().Value.DirectoryPageSize = 4;
        Dictionary<int, int> expected;
        int root;
        await using (var db = harness.NewDb())
        {
            var now = harness.Services.GetRequiredService<BureauClock>().UtcNow;
            expected = await db.Disclosures.Where(DisclosureRules.OnDisplayAt(now)).Where(d => d.Audience == Audience.Public)
                .GroupBy(d => d.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            root = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync();
        }
        expected.Count.ShouldBeGreaterThan(12);

        harness.Auth.SignOut();
        var shown = new List<BoardDirectoryEntry>();
        BoardView? view = null;
        for (var page = 1; view is null || page <= view.PageCount; page++)
        {
            await using var scope = harness.NewScope();
            var result = await harness.Get<BoardService>(scope).BrowseAsync(new BoardFilter(null, null, null, null, page));
            result.Succeeded.ShouldBeTrue(result.Message);
            view = result.Value!;
            view.AtScale.ShouldBeTrue();
            view.Directory.ShouldNotBeNull();
            view.Page.ShouldBe(page);
            // Every page opens with the organ committee the branches stand under.
            view.Directory.Entries[0].ShouldBe(view.Directory.Entries[0] with { Id = root, Depth = 0 });
            shown.AddRange(page == 1 ? view.Directory.Entries : view.Directory.Entries.Skip(1));
        }
        view.PageCount.ShouldBeGreaterThan(2);
        shown.Select(e => e.Id).ShouldBeUnique();
        shown.Where(e => e.Count > 0).ToDictionary(e => e.Id, e => e.Count).ShouldBe(expected);
        shown.Where(e => e.Id != root).ShouldAllBe(e => e.Depth == 1);
    }
}
