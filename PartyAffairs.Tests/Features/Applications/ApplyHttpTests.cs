using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Applications;

/// <summary>
/// /apply over HTTP against the real app (static rendering, antiforgery, the feedback rate limit: at most five posts in this
/// class): raw Chinese, the scope only for a signed-in member, post/redirect/get with the code never in a URL, odd input
/// answered with a message and nothing stored, and the code found at /track.
/// </summary>
public sealed partial class ApplyHttpTests(AppServer server) : IClassFixture<AppServer>, IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public void Dispose() => client.Dispose();

    private AppDbContext NewDb() => server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<(string Html, string Cookies)> FormAsync(string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
        return (await response.Content.ReadAsStringAsync(), string.Join("; ", cookies.Append(cookie).Where(c => c is not null)));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        var (html, cookies) = await FormAsync(path);
        foreach (Match m in HiddenInput().Matches(html)) fields.TryAdd(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    private async Task<string> SignInCookieAsync(string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
        var options = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties(), IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    private async Task<int> FirstBranchAsync()
    {
        await using var db = NewDb();
        return await db.Organizations.Where(o => o.ParentId != null && o.IsActive).OrderBy(o => o.SortOrder).Select(o => o.Id).FirstAsync();
    }

    private static Dictionary<string, string> Application(int organizationId, string subject) => new()
    {
        ["Input.OrganizationId"] = organizationId.ToString(),
        ["Input.Subject"] = subject,
    };

    [Fact]
    public async Task The_form_is_in_Chinese_characters_for_anyone_and_offers_internal_scopes_only_to_a_signed_in_member()
    {
        var (anonymous, _) = await FormAsync("/apply");
        anonymous.ShouldNotContain("&#x");
        anonymous.ShouldContain("依申请公开");
        anonymous.ShouldContain("机关第一党支部");
        anonymous.ShouldNotContain("Input.Scope");
        var (member, _) = await FormAsync("/apply", await SignInCookieAsync("member"));
        member.ShouldContain("Input.Scope");
        (await FormAsync("/guide")).Html.ShouldContain("href=\"/apply\"");
    }

    [Fact]
    public async Task An_application_is_posted_redirected_and_thanked_with_its_code_which_no_url_carries_and_track_finds_it()
    {
        var organization = await FirstBranchAsync();
        var subject = $"申请公开党费使用明细 %_'\"<b> {Guid.NewGuid():N}";
        using var posted = await PostAsync("/apply", Application(organization, subject));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.PathAndQuery.ShouldBe("/apply?sent=1");
        var kept = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-tracking-code=", StringComparison.Ordinal)).Split(';')[0];

        var (thanks, _) = await FormAsync("/apply?sent=1", kept);
        var code = TrackingCodeShown().Match(thanks).Groups[1].Value;
        TrackingCode.Normalize(code).ShouldNotBeNull(thanks);
        await using (var db = NewDb())
        {
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Subject == subject);
            (stored.OrganizationId, stored.Scope, stored.SubmittedById, stored.TrackingCodeHash).ShouldBe(
                (organization, Audience.Public, (string?)null, TrackingCode.Hash(TrackingCode.Normalize(code)!)));
        }

        using var tracked = await PostAsync("/track", new() { ["Input.Code"] = code });
        tracked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await tracked.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"application-track\"");
        html.ShouldContain("已收到");
    }

    [Theory]
    [InlineData("", "Input.Subject")]
    [InlineData("x", "Input.OrganizationId")]
    [InlineData("long", "Input.Subject")]
    public async Task Odd_input_gets_a_message_on_the_page_and_nothing_is_stored(string subject, string field)
    {
        var organization = field == "Input.OrganizationId" ? 0 : await FirstBranchAsync();
        var text = subject == "long" ? new string('%', DisclosureApplication.MaxSubjectLength + 1) : subject;
        await using var before = NewDb();
        var count = await before.Applications.CountAsync();

        using var response = await PostAsync("/apply", Application(organization, text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"apply-error\"");
        await using var after = NewDb();
        (await after.Applications.CountAsync()).ShouldBe(count);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-testid=\"tracking-code\"[^>]*>\\s*([A-Z0-9-]+)\\s*<")]
    private static partial Regex TrackingCodeShown();
}
