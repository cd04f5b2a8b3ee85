using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using static PartyAffairs.Tests.Support.PrintedBoardCast;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// The printed board is for the hallway, over HTTP against the real app: Board-channel items, Public by default, internal
/// items only by a signed-in person's explicit choice and then labelled under a warning header; an anonymous choice counts
/// for nothing and never reaches or leaves the anonymous cache; disclosed results (never the feedback text) on the sheet
/// and on the lobby screen.
/// </summary>
public sealed partial class BoardPrintHttpTests(PrintedBoardServer fixture) : IClassFixture<PrintedBoardServer>, IDisposable
{
    private static readonly string[] Titles = [PublicBoard, PublicMeetingOnly, MembersBoard, OwnBoard, MembersMeetingOnly];

    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = fixture.Server.BaseAddress,
    };

    public void Dispose() => client.Dispose();

    private string Sheet(string? query = null) => $"/board/print?org={fixture.Cast.OrganizationId}&paper=A4{query}";

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> SignInCookieAsync(string userName)
    {
        var services = fixture.Server.Services;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties(), IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>The titles of this branch's items that are on the sheet.</summary>
    private static string[] On(string html) => Titles.Where(html.Contains).Order().ToArray();

    /// <summary>Each printed item's own markup, from its section to the next one.</summary>
    private static Dictionary<string, string> Items(string html) =>
        html.Split("data-testid=\"print-item\"").Skip(1)
            .Select(chunk => (Title: Titles.FirstOrDefault(chunk.Contains), chunk))
            .Where(x => x.Title is not null)
            .ToDictionary(x => x.Title!, x => x.chunk);

    [Fact]
    public async Task An_anonymous_sheet_holds_only_the_public_items_of_the_Board_channel()
    {
        var (_, html) = await GetAsync(Sheet());

        On(html).ShouldBe([PublicBoard]);
        html.ShouldNotContain("data-testid=\"print-internal-warning\"");
        html.ShouldNotContain("data-testid=\"print-audience\"");
        html.ShouldNotContain("data-testid=\"print-options\"", customMessage: "anonymous visitors are not offered internal items");
    }

    [Fact]
    public async Task A_signed_in_sheet_is_public_by_default_and_holds_internal_items_only_by_choice_labelled_with_their_audience()
    {
        var cookie = await SignInCookieAsync(fixture.Cast.MemberUserName);

        var (byDefault, html) = await GetAsync(Sheet(), cookie);
        On(html).ShouldBe([PublicBoard]);
        html.ShouldContain("data-testid=\"print-options\"");
        html.ShouldContain("包含党内公开、本组织公开的事项");
        html.ShouldNotContain("data-testid=\"print-internal-warning\"");
        byDefault.Headers.Age.ShouldBeNull();

        var (chosen, withInternal) = await GetAsync(Sheet("&internal=1"), cookie);
        chosen.Headers.Age.ShouldBeNull();
        On(withInternal).ShouldBe(new[] { PublicBoard, MembersBoard, OwnBoard }.Order().ToArray());
        withInternal.ShouldContain("data-testid=\"print-internal-warning\"");
        withInternal.ShouldContain("不得张贴于面向社会的公开栏");
        var items = Items(withInternal);
        items[MembersBoard].ShouldContain("data-testid=\"print-audience\">党内公开<");
        items[OwnBoard].ShouldContain("data-testid=\"print-audience\">本组织公开<");
        items[PublicBoard].ShouldNotContain("print-audience");
        // The choice travels with the links that change paper or organization.
        withInternal.ShouldContain($"org={fixture.Cast.OrganizationId}&amp;paper=A3&amp;internal=1");
    }

    [Fact]
    public async Task An_anonymous_choice_of_internal_items_counts_for_nothing_and_the_anonymous_cache_never_holds_a_members_sheet()
    {
        var cookie = await SignInCookieAsync(fixture.Cast.MemberUserName);
        var (_, members) = await GetAsync(Sheet("&internal=1&paper=A3"), cookie);
        On(members).ShouldContain(OwnBoard);

        var (first, anonymous) = await GetAsync(Sheet("&internal=1&paper=A3"));
        On(anonymous).ShouldBe([PublicBoard]);
        anonymous.ShouldNotContain("data-testid=\"print-internal-warning\"");
        first.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var (again, cached) = await GetAsync(Sheet("&internal=1&paper=A3"));
        again.Headers.Age.ShouldNotBeNull("the anonymous sheet is served from the output cache");
        On(cached).ShouldBe([PublicBoard]);

        // The signed-in person asks again after the anonymous page was cached: never served from it.
        var (mine, membersAgain) = await GetAsync(Sheet("&internal=1&paper=A3"), cookie);
        mine.Headers.Age.ShouldBeNull();
        On(membersAgain).ShouldContain(OwnBoard);
    }

    [Fact]
    public async Task Disclosed_results_show_on_the_sheet_and_the_lobby_screen_but_never_the_feedback_text()
    {
        var (_, sheet) = await GetAsync(Sheet());
        var item = Items(sheet)[PublicBoard];
        item.ShouldContain(Summary);
        item.ShouldContain(Resolution);
        sheet.ShouldNotContain(FeedbackText);
        sheet.ShouldNotContain(OpenFeedbackText);

        var org = fixture.Cast.OrganizationId;
        var (_, first) = await GetAsync($"/board/screen?org={org}&i=0");
        var count = int.Parse(ScreenPosition().Match(first).Groups[1].Value);
        var screens = new List<string>();
        for (var i = 0; i < count; i++) screens.Add((await GetAsync($"/board/screen?org={org}&i={i}")).Html);
        var screen = screens.Single(s => s.Contains($"<h1>{PublicBoard}</h1>"));
        screen.ShouldContain(Summary);
        screen.ShouldContain(Resolution);
        screens.ShouldAllBe(s => !s.Contains(FeedbackText) && !s.Contains(OpenFeedbackText));
    }

    [Fact]
    public async Task A_long_item_stays_on_the_lobby_screen_long_enough_to_roll_through_whole()
    {
        var (_, html) = await GetAsync($"/board/screen?org={fixture.Cast.LongOrganizationId}&i=0");

        html.ShouldContain(LongLastLine);
        html.ShouldContain("data-testid=\"screen-roll\"");
        var seconds = int.Parse(Refresh().Match(html).Groups[1].Value);
        seconds.ShouldBeGreaterThan(60, "a long item gets the time to be read, not the short items' 15 seconds");
        html.ShouldContain($"animation-duration: {seconds - 7}s");
    }

    [GeneratedRegex("data-testid=\"screen-position\">\\d+ / (\\d+)<")]
    private static partial Regex ScreenPosition();

    [Fact]
    public async Task Printed_links_come_from_the_configured_public_address_not_the_Host_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Sheet());
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain($"{PrintedBoardServer.PublicBaseUrl}board/");
        html.ShouldNotContain("evil.example");
    }

    [GeneratedRegex("http-equiv=\"refresh\" content=\"(\\d+);")]
    private static partial Regex Refresh();
}
