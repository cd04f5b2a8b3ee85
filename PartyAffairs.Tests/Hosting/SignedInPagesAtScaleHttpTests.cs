using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.Tests.Features.Board;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Every page of every role's menu at a generated city (<see cref="CityBoardServer"/>: 60 organizations, 9,000 disclosures),
/// read over HTTP as each of the city's accounts after signing in with the login form: each answers 200, is not compressed
/// (a signed-in page carries a token: BREACH) and stays under its byte budget (issue 21), while the public board is compressed.
/// </summary>
[Collection(CityCollection.Name)]
public sealed partial class SignedInPagesAtScaleHttpTests(CityBoardServer city, ITestOutputHelper output)
{
    /// <summary>
    /// The issue's budget is 200 KB, but at this modest city an unbounded list of organizations would still fit under it. Measured
    /// at the issue's city (2,000 organizations) the bounded pages weigh 22–90 KB (the annual report page with a page of 25
    /// organizations in each of its four per-organization tables: 88 KB), against 2 MB for that report page unbounded (about 1 KB
    /// an organization, so 110–130 KB here). 100 KB leaves the bounded pages room and is crossed by such a regression.
    /// </summary>
    private const int Budget = 100 * 1024;

    /// <summary>
    /// The assessment: 25 organizations a page, each a row of 14 figures that open their records (about 2 KB a row) in the main table
    /// and five more in the postings table, and two charts: 162 KB at the issue's city, whatever its size. Unbounded it was 8 MB
    /// there, and about 60 × 2.5 KB + 60 KB ≈ 210 KB and more at this one.
    /// </summary>
    /// <remarks>
    /// Pages whose size does not grow with the city keep the issue's 200 KB: the Admin's calendar (a year of days, 141 KB here and
    /// at the issue's city) and the catalogue (113 KB at both). The schedule is 104 KB here but 1.9 MB at the issue's city: its
    /// paging is another change of this round, after which it belongs under <see cref="Budget"/>.
    /// </remarks>
    private static readonly Dictionary<string, int> Budgets = new()
    {
        ["/assessment"] = 200 * 1024, ["/admin/calendar"] = 200 * 1024, ["/catalogue"] = 200 * 1024, ["/catalogue/schedule"] = 200 * 1024,
    };

    [GeneratedRegex("""<a[^>]*href="(/[^"]*)"[^>]*class="[^"]*mud-nav-link[^"]*"|<a[^>]*class="[^"]*mud-nav-link[^"]*"[^>]*href="(/[^"]*)" """)]
    private static partial Regex NavLink();

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex AntiforgeryField();

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = city.Server.BaseAddress,
        };

    /// <summary>Signs in as a visitor would: the login page for its antiforgery token and cookie, then the form posted.</summary>
    private async Task<HttpClient> SignInAsync(string userName)
    {
        var client = NewClient();
        var login = await client.GetStringAsync("/Account/Login");
        var field = AntiforgeryField().Match(login);
        field.Success.ShouldBeTrue("the login form's antiforgery token");
        var token = WebUtility.HtmlDecode(field.Groups[1].Success ? field.Groups[1].Value : field.Groups[2].Value);
        using var posted = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = CityBoardServer.AccountPassword,
        }));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{userName} signs in");
        return client;
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The detail pages the Office opens from its lists, one of each.</summary>
    private async Task<IReadOnlyList<string>> DetailPagesAsync()
    {
        await using var db = await city.Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var disclosure = await db.Disclosures.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var feedback = await db.Feedback.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        var record = await db.ArchiveRecords.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        return [$"/disclosures/{disclosure}", $"/feedback/{feedback}", $"/archive/{record}"];
    }

    [Fact]
    public async Task Every_page_of_every_role_s_menu_answers_uncompressed_and_under_the_byte_budget()
    {
        var failures = new List<string>();
        var detail = await DetailPagesAsync();
        foreach (var (userName, role) in LoadAccounts.All)
        {
            using var client = await SignInAsync(userName);
            var (home, homeBody) = await GetAsync(client, "/");
            home.StatusCode.ShouldBe(HttpStatusCode.OK, userName);
            var menu = NavLink().Matches(System.Text.Encoding.UTF8.GetString(homeBody))
                .Select(m => WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
                .Distinct().ToList();
            menu.ShouldContain("/", $"{userName}'s menu is read from the page");
            var paths = role == App.Domain.Roles.Office ? menu.Concat(detail).ToList() : menu;
            foreach (var path in paths)
            {
                var (response, body) = await GetAsync(client, path);
                output.WriteLine($"{userName,-16} {path,-28} {(int)response.StatusCode} {body.Length,10:N0} B");
                if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{userName} {path}: {response.StatusCode}");
                if (response.Content.Headers.ContentEncoding.Count > 0) failures.Add($"{userName} {path}: compressed ({string.Join(",", response.Content.Headers.ContentEncoding)})");
                if (body.Length >= Budgets.GetValueOrDefault(path, Budget)) failures.Add($"{userName} {path}: {body.Length:N0} bytes");
                response.Dispose();
            }
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/guide")]
    public async Task The_public_pages_of_the_city_are_compressed_for_an_anonymous_visitor(string path)
    {
        using var client = NewClient();
        var (response, _) = await GetAsync(client, path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["br"], path);
        response.Dispose();
    }
}
