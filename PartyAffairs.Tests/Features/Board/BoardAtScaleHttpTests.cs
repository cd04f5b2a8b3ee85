using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Shared;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// The board at a generated city (<see cref="CityBoardServer"/>) as an anonymous visitor reads it over HTTP: every page stays
/// under the byte budget (issue 21: 200 KB of HTML), the front page navigates by organization, paging links reach every
/// item exactly once with the right totals, and nothing but Public items ever shows.
/// </summary>
[Collection(CityCollection.Name)]
public sealed partial class BoardAtScaleHttpTests(CityBoardServer city, ITestOutputHelper output) : IDisposable
{
    private const int Budget = 200 * 1024;

    /// <summary>A word in the title of every branch's items (压测第0001党支部…).</summary>
    private const string CommonWord = "党支部";

    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = city.Server.BaseAddress };

    public void Dispose() => client.Dispose();

    private BoardOptions Options => city.Server.Services.GetRequiredService<IOptions<BoardOptions>>().Value;

    private AppDbContext NewDb() => city.Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private IQueryable<Disclosure> PublicOnDisplay(AppDbContext db) =>
        db.Disclosures.Where(DisclosureRules.OnDisplayAt(city.Server.Services.GetRequiredService<BureauClock>().UtcNow))
            .Where(d => d.Audience == Audience.Public);

    private async Task<string> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("""href="/board/(\d+)"[^>]*>""")]
    private static partial Regex ItemLink();

    /// <summary>Any mention of an item's address: links, and the printed sheet's QR captions and feedback links.</summary>
    [GeneratedRegex("""/board/(\d+)""")]
    private static partial Regex ItemMention();

    private static List<int> ItemIds(string html) => ItemLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();

    private static string Unescape(string href) => WebUtility.HtmlDecode(href);

    [Fact]
    public async Task Every_board_page_stays_under_the_byte_budget_and_the_front_page_navigates_by_organization()
    {
        output.WriteLine($"fixture: {city.SetUp.TotalSeconds:F1} s (generating {CityBoardServer.City.Organizations} organizations, " +
            $"{CityBoardServer.City.Disclosures} disclosures: {city.Generation.TotalSeconds:F1} s)");
        var paths = new[]
        {
            "/board", $"/board?q={Uri.EscapeDataString(CommonWord)}", $"/board?org={city.BusyOrganizationId}", "/board/print", "/board/screen",
        };
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            output.WriteLine($"{path}: {bytes:N0} bytes");
            bytes.ShouldBeLessThan(Budget, path);
        }

        var front = await GetAsync("/board");
        front.ShouldContain("data-testid=\"board-directory\"");
        front.ShouldNotContain("data-testid=\"board-item\"");
        Regex.Count(front, "data-testid=\"board-hit\"").ShouldBe(Options.RecentItems);
        // Every organization with Public items on display is in the directory, with its count as the visitor may see it.
        await using var db = NewDb();
        var counts = await PublicOnDisplay(db).GroupBy(d => d.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        counts.Count.ShouldBeGreaterThan(Options.OrganizationsOnOnePage);
        foreach (var count in counts)
        {
            front.ShouldContain($"href=\"/board?org={count.Key}\" data-testid=\"board-directory-org\">", customMessage: $"organization {count.Key}");
        }
        var busy = counts.Single(c => c.Key == city.BusyOrganizationId).Count;
        busy.ShouldBeGreaterThanOrEqualTo(CityBoardServer.BusyPublic);
        Regex.IsMatch(front, $"""href="/board\?org={city.BusyOrganizationId}" data-testid="board-directory-org">[^<]+</a>\s*<span class="board-count">{busy} 项</span>""")
            .ShouldBeTrue();

        var print = await GetAsync("/board/print");
        print.ShouldContain($"href=\"/board/print?org={city.BusyOrganizationId}&amp;paper=A4\"");
        print.ShouldNotContain("data-testid=\"print-item\"");
        var screen = await GetAsync("/board/screen");
        screen.ShouldContain($"href=\"/board/screen?org={city.BusyOrganizationId}&amp;i=0\"");
        screen.ShouldNotContain("http-equiv=\"refresh\"");
        (await GetAsync($"/board/screen?org={city.BusyOrganizationId}")).ShouldContain("http-equiv=\"refresh\"");
    }

    [Fact]
    public async Task Search_results_are_paged_and_the_pages_together_hold_every_Public_match_once()
    {
        await using var db = NewDb();
        var expected = await PublicOnDisplay(db).Where(d => d.Title.Contains(CommonWord)).Select(d => d.Id).ToListAsync();
        expected.Count.ShouldBeGreaterThan(2 * Options.PageSize);

        var seen = await ReadAllPagesAsync($"/board?q={Uri.EscapeDataString(CommonWord)}", expected.Count);
        seen.ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task An_organizations_board_is_paged_by_category_and_holds_its_Public_items_once_and_nothing_else()
    {
        await using var db = NewDb();
        var expected = await PublicOnDisplay(db).Where(d => d.OrganizationId == city.BusyOrganizationId).Select(d => d.Id).ToListAsync();
        expected.Count.ShouldBeGreaterThanOrEqualTo(CityBoardServer.BusyPublic);

        var seen = await ReadAllPagesAsync($"/board?org={city.BusyOrganizationId}", expected.Count);
        seen.ShouldBe(expected, ignoreOrder: true);
        var first = await GetAsync($"/board?org={city.BusyOrganizationId}");
        first.ShouldContain("data-testid=\"board-org\"");
        first.ShouldContain("data-testid=\"board-all-organizations\"");
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_only_Public_items_on_every_board_page_at_scale()
    {
        await using var db = NewDb();
        var nonPublic = await db.Disclosures.Where(d => d.Audience != Audience.Public).Select(d => d.Id).ToListAsync();
        var busyInternal = await db.Disclosures
            .Where(DisclosureRules.OnDisplayAt(city.Server.Services.GetRequiredService<BureauClock>().UtcNow))
            .CountAsync(d => d.OrganizationId == city.BusyOrganizationId && d.Audience != Audience.Public);
        busyInternal.ShouldBeGreaterThan(0);

        var paths = new List<string> { "/board", "/board/print", "/board/screen", $"/board/print?org={city.BusyOrganizationId}" };
        for (var page = 1; page <= 4; page++)
        {
            paths.Add($"/board?q={Uri.EscapeDataString(CommonWord)}&page={page}");
            paths.Add($"/board?org={city.BusyOrganizationId}&page={page}");
        }
        var shown = new HashSet<int>();
        foreach (var path in paths) shown.UnionWith(ItemMention().Matches(await GetAsync(path)).Select(m => int.Parse(m.Groups[1].Value)));
        shown.Count.ShouldBeGreaterThan(CityBoardServer.BusyPublic);
        shown.Intersect(nonPublic).ShouldBeEmpty();
    }

    /// <summary>Follows the page links from the first page to the last; checks the total each page states and that no page repeats another.</summary>
    private async Task<List<int>> ReadAllPagesAsync(string path, int total)
    {
        var pageCount = (total + Options.PageSize - 1) / Options.PageSize;
        pageCount.ShouldBeGreaterThan(1);
        var seen = new List<int>();
        var pages = new List<List<int>>();
        var watch = Stopwatch.StartNew();
        var first = await GetAsync(path);
        first.ShouldContain($"共 {total} 项，第 1/{pageCount} 页");
        var next = first;
        for (var page = 1; page <= pageCount; page++)
        {
            if (page > 1)
            {
                var link = Regex.Match(next, $"""href="([^"]+)"[^>]*data-testid="board-page">{page}<""");
                link.Success.ShouldBeTrue($"a link to page {page} on page {page - 1}");
                next = await GetAsync(Unescape(link.Groups[1].Value));
                next.ShouldContain($"共 {total} 项，第 {page}/{pageCount} 页");
            }
            var ids = ItemIds(next);
            ids.Count.ShouldBe(page < pageCount ? Options.PageSize : total - Options.PageSize * (pageCount - 1), $"page {page}");
            pages.Add(ids);
            seen.AddRange(ids);
        }
        pages[1].Intersect(pages[0]).ShouldBeEmpty();
        output.WriteLine($"{path}: {pageCount} pages read in {watch.ElapsedMilliseconds} ms");
        return seen;
    }

    [Fact]
    public async Task The_catalogue_at_scale_is_chosen_by_organization_and_one_organization_shows_only_its_own_lines()
    {
        var year = city.Server.Services.GetRequiredService<BureauClock>().Today.Year;
        await using var db = NewDb();
        var catalogue = await db.Catalogues.Where(c => c.Year == year && c.State == CatalogueState.InForce).Select(c => c.Id).SingleAsync();
        var publicLines = await db.CatalogueItems.Where(i => i.CatalogueId == catalogue && !i.IsRetired && i.Audience == Audience.Public)
            .GroupBy(i => i.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        publicLines.Count.ShouldBeGreaterThan(Options.OrganizationsOnOnePage);

        using var response = await client.GetAsync($"/board/catalogue/{year}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var chooser = await response.Content.ReadAsStringAsync();
        output.WriteLine($"/board/catalogue/{year}: {chooser.Length:N0} characters");
        chooser.Length.ShouldBeLessThan(Budget);
        chooser.ShouldContain("data-testid=\"catalogue-picker\"");
        chooser.ShouldNotContain("data-testid=\"catalogue-line\"");
        // Every organization with Public lines is offered, linking to its own catalogue.
        foreach (var organization in publicLines.Keys)
            chooser.ShouldContain($"/board/catalogue/{year}?org={organization}\"");

        var (one, count) = publicLines.OrderByDescending(p => p.Value).First();
        var page = await GetAsync($"/board/catalogue/{year}?org={one}");
        Regex.Count(page, "data-testid=\"catalogue-line\"").ShouldBe(count);
        Regex.Count(page, "data-testid=\"catalogue-org\"").ShouldBe(1);
    }
}
