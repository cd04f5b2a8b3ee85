using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LeadingGroup;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// The guide, the public catalogue and the history over HTTP against the real app with the demo seed (its own instance: one
/// test closes an item): Public content only for anonymous visitors, 404 for a year without a catalogue in force, raw Chinese,
/// the anonymous output cache and its eviction, and odd filters that still answer 200.
/// </summary>
public sealed class BoardPortalHttpTests(AppServer server) : IClassFixture<AppServer>, IDisposable
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public void Dispose() => client.Dispose();

    private AppDbContext NewDb() => server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<string> HtmlAsync(string path, string? cookie = null)
    {
        using var response = await GetAsync(path, cookie);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
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

    private sealed record PastItem(int Id, string Title);

    private static int ThisYear => DateTime.UtcNow.AddHours(8).Year;

    [Fact]
    public async Task Every_page_is_written_in_Chinese_characters_and_links_the_guide()
    {
        foreach (var path in new[] { "/guide", $"/board/catalogue/{ThisYear}", "/board/history", "/board" })
        {
            var html = await HtmlAsync(path);
            html.ShouldNotContain("&#x", customMessage: path);
            html.ShouldContain("公开指南", customMessage: path);
            html.ShouldContain("href=\"/guide\"", customMessage: path);
        }
        (await HtmlAsync("/board")).ShouldContain($"href=\"/board/catalogue/{ThisYear}\"");
        (await HtmlAsync("/board")).ShouldContain("href=\"/board/history\"");
    }

    [Fact]
    public async Task The_guide_is_built_from_the_organizations_the_leading_group_and_the_settings()
    {
        string organization, member;
        await using (var db = NewDb())
        {
            organization = await db.Organizations.Where(o => o.IsActive).OrderBy(o => o.SortOrder).Select(o => o.Name).FirstAsync();
            member = await db.LeadingGroupMembers.OrderBy(m => m.Position).Select(m => m.PersonName).FirstAsync();
        }
        var html = await HtmlAsync("/guide");
        html.ShouldContain("党务公开指南");
        html.ShouldContain(Encoder.Encode(organization));
        html.ShouldContain(Encoder.Encode(member));
        html.ShouldContain("依申请公开");
        html.ShouldContain("/apply");
        html.ShouldContain("个工作日内");
    }

    [Fact]
    public async Task The_catalogue_shows_public_lines_to_anonymous_visitors_and_members_also_theirs_and_other_years_are_404()
    {
        string publicLine, membersLine;
        await using (var db = NewDb())
        {
            var lines = await db.CatalogueItems.Where(i => db.Catalogues.Any(c => c.Id == i.CatalogueId && c.Year == ThisYear) && !i.IsRetired)
                .Select(i => new { i.Title, i.Audience }).ToListAsync();
            var publicTitles = lines.Where(l => l.Audience == Audience.Public).Select(l => l.Title).ToHashSet();
            publicLine = publicTitles.First();
            membersLine = lines.Where(l => l.Audience == Audience.AllMembers)
                .Select(l => l.Title).First(t => !publicTitles.Any(p => p.Contains(t)));
        }

        var anonymous = await HtmlAsync($"/board/catalogue/{ThisYear}");
        anonymous.ShouldContain(Encoder.Encode(publicLine));
        anonymous.ShouldNotContain(Encoder.Encode(membersLine));
        anonymous.ShouldContain("data-status=");
        (await HtmlAsync($"/board/catalogue/{ThisYear}", await SignInCookieAsync("member"))).ShouldContain(Encoder.Encode(membersLine));

        foreach (var year in new[] { 1999, 2099, ThisYear + 1 })
        {
            using var response = await GetAsync($"/board/catalogue/{year}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, year.ToString());
        }
    }

    [Fact]
    public async Task The_history_lists_past_public_items_only_and_an_item_closed_now_appears_after_the_cache_is_evicted()
    {
        int id;
        string title, hidden;
        PastItem pastPublic;
        await using (var db = NewDb())
        {
            var now = DateTime.UtcNow;
            var publicTitles = await db.Disclosures.Where(d => d.Audience == Audience.Public).Select(d => d.Title).ToListAsync();
            pastPublic = await db.Disclosures.Where(d => d.Audience == Audience.Public && d.State == DisclosureState.Closed)
                .OrderByDescending(d => d.Id).Select(d => new PastItem(d.Id, d.Title)).FirstAsync();
            hidden = (await db.Disclosures.Where(d => d.Audience != Audience.Public && d.State == DisclosureState.Closed).Select(d => d.Title).ToListAsync())
                .First(t => !publicTitles.Any(p => p.Contains(t)));
            (id, title) = await db.Disclosures
                .Where(d => d.Audience == Audience.Public && d.State == DisclosureState.Published && d.DisplayUntilUtc > now && d.DisplayFromUtc <= now)
                .OrderByDescending(d => d.Id).Select(d => Tuple.Create(d.Id, d.Title)).FirstAsync();
        }
        var search = $"/board/history?q={Uri.EscapeDataString(title)}";
        // The search box echoes what was typed; the list itself stays empty.
        (await HtmlAsync($"/board/history?q={Uri.EscapeDataString(hidden)}")).ShouldContain("data-testid=\"history-empty\"");
        (await HtmlAsync($"/board/history?q={Uri.EscapeDataString(pastPublic.Title)}")).ShouldContain($"href=\"/board/{pastPublic.Id}\"");
        (await HtmlAsync(search)).ShouldNotContain($"href=\"/board/{id}\"");
        using (var cached = await GetAsync(search))
        {
            cached.Headers.Age.ShouldNotBeNull("the second anonymous request is served from the output cache");
            cached.Headers.Contains("Set-Cookie").ShouldBeFalse();
        }

        await using (var db = NewDb())
        {
            (await db.Disclosures.Include(d => d.CatalogueOccurrence).SingleAsync(d => d.Id == id))
                .Close(new Actor("office-test", "办公室", null, new HashSet<string> { Roles.Office }), DateTime.UtcNow, "测试提前结束");
            await db.SaveChangesAsync();
        }

        await Eventually.ReturnsAsync(async () =>
            {
                using var response = await GetAsync(search);
                return await response.Content.ReadAsStringAsync();
            },
            body => body.Contains($"href=\"/board/{id}\""), TimeSpan.FromSeconds(10), "closing the item evicts the cached history",
            _ => $"the history still lacks {title}");
    }

    [Fact]
    public async Task A_leading_group_change_made_through_the_service_evicts_the_cached_guide_which_shows_only_current_seats()
    {
        const string newcomer = "测试新任委员";
        (await GetAsync("/guide")).Dispose();
        using (var cached = await GetAsync("/guide"))
        {
            cached.Headers.Age.ShouldNotBeNull("the second anonymous request is served from the output cache");
            (await cached.Content.ReadAsStringAsync()).ShouldContain(Encoder.Encode("孙志强"));
        }

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync("office"))!);
            ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var service = scope.ServiceProvider.GetRequiredService<LeadingGroupAdminService>();
            var seats = (await service.ListAsync(includePast: false)).Value!;
            var leaving = seats.Single(s => s.PersonName == "孙志强");
            var today = DateTime.UtcNow.AddHours(8).Date;
            (await service.EndAsync(leaving.Id, leaving.Version, new EndSeatRequest { LastDay = today.AddDays(-1), Reason = "换届" }))
                .Succeeded.ShouldBeTrue();
            (await service.CreateAsync(new SeatRequest
            {
                PersonName = newcomer, Post = "机关党委委员", Position = LeadingGroupPosition.Member, ValidFrom = today,
            })).Succeeded.ShouldBeTrue();
        }

        var html = await Eventually.ReturnsAsync(async () =>
            {
                using var response = await GetAsync("/guide");
                return await response.Content.ReadAsStringAsync();
            },
            body => body.Contains(Encoder.Encode(newcomer)), TimeSpan.FromSeconds(10), "a leading-group change evicts the cached guide",
            _ => $"the guide still lacks {newcomer}");
        html.ShouldNotContain(Encoder.Encode("孙志强"));
    }

    [Fact]
    public async Task The_guides_feedback_section_links_the_mailbox_and_track()
    {
        var html = await HtmlAsync("/guide");

        html.ShouldContain("href=\"/board/mailbox\"");
        html.ShouldContain("href=\"/track\"");
        html.ShouldContain("查询码");
    }

    [Fact]
    public async Task Saving_the_Admins_contact_settings_evicts_the_cached_guide()
    {
        var phone = $"010-{Random.Shared.Next(10_000_000, 99_999_999)}";
        (await GetAsync("/guide")).Dispose();
        using (var cached = await GetAsync("/guide"))
        {
            cached.Headers.Age.ShouldNotBeNull("the second anonymous request is served from the output cache");
            (await cached.Content.ReadAsStringAsync()).ShouldNotContain(phone);
        }

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            var admin = await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync("admin"))!);
            ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(admin)));
            var settings = scope.ServiceProvider.GetRequiredService<SettingsService>();
            var saved = await settings.SaveAsync(await settings.GetAsync() with { OfficePhone = phone });
            saved.Succeeded.ShouldBeTrue(saved.Message);
        }

        (await HtmlAsync("/guide")).ShouldContain(phone);
    }

    [Fact]
    public async Task The_guide_and_the_catalogue_are_served_from_the_cache_for_anonymous_visitors_only()
    {
        var cookie = await SignInCookieAsync("member");
        foreach (var path in new[] { "/guide", $"/board/catalogue/{ThisYear}" })
        {
            (await GetAsync(path)).Dispose();
            using (var cached = await GetAsync(path)) cached.Headers.Age.ShouldNotBeNull(path);
            using var member = await GetAsync(path, cookie);
            member.Headers.Age.ShouldBeNull(path);
        }
    }

    [Theory]
    [InlineData("/board/history?q=%25")]
    [InlineData("/board/history?q=_")]
    [InlineData("/board/history?q=%27%22")]
    [InlineData("/board/history?q=%25_%27%22")]
    [InlineData("/board/history?q=党")]
    [InlineData("/board/history?q=LONG")]
    [InlineData("/board/history?org=abc&category=99&year=x&page=-1")]
    [InlineData("/board/history?org=987654&category=3&year=1999&page=99999999999")]
    [InlineData("/board/history?page=500")]
    [InlineData("/board?org=abc&category=%27")]
    [InlineData("/board?org=1&category=2&q=%25")]
    [InlineData("/board?q=LONG&org=-1&category=0")]
    public async Task Odd_filters_and_searches_answer_200(string path)
    {
        var html = await HtmlAsync(path.Replace("LONG", new string('党', 500)));
        html.ShouldContain("公开指南");
        html.ShouldNotContain("<script>alert");
    }
}
