using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>The real app on loopback, its security stamps checked every second so a session's end shows at once.</summary>
public sealed class SessionServer : IAsyncLifetime
{
    public AppServer Server { get; } = AppServer.With(new Dictionary<string, string>
    {
        ["Security:StampValidationInterval"] = "00:00:01",
    });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>
/// Sessions end when the account changes (password reset, disabled, sign-out everywhere), but not because a stranger
/// typed wrong passwords; an issued password is replaced before anything is served; the sign-in page does not tell a
/// locked name from an unknown one. Each test uses its own demo user: they share one server.
/// </summary>
public sealed partial class SessionTests(SessionServer fixture) : IClassFixture<SessionServer>
{
    private AppServer Server => fixture.Server;

    [Fact]
    public async Task An_Admin_password_reset_ends_a_cookie_issued_before_it()
    {
        var cookie = await CircuitClient.SignInAsync(Server.BaseAddress, "secretary2");
        (await IsSignedInAsync(cookie)).ShouldBeTrue();

        (await AsAdmin(users => users.ResetPasswordAsync(UserId("secretary2")))).Succeeded.ShouldBeTrue();
        await PastTheValidationInterval();

        (await IsSignedInAsync(cookie)).ShouldBeFalse("the old password's cookie must not outlive the reset");
    }

    [Fact]
    public async Task A_disabled_account_loses_its_cookie_and_cannot_sign_in_until_enabled()
    {
        var cookie = await CircuitClient.SignInAsync(Server.BaseAddress, "drafter");
        (await IsSignedInAsync(cookie)).ShouldBeTrue();

        (await AsAdmin(users => users.SetDisabledAsync(UserId("drafter"), true))).Succeeded.ShouldBeTrue();
        await PastTheValidationInterval();

        (await IsSignedInAsync(cookie)).ShouldBeFalse("a disabled account's sessions end");
        var refused = await PostSignInAsync("drafter", "Demo@2026");
        refused.SignedIn.ShouldBeFalse();
        refused.Error.ShouldBe((await PostSignInAsync("nobody-by-this-name", "Demo@2026")).Error, "a disabled name answers like an unknown one");

        (await AsAdmin(users => users.SetDisabledAsync(UserId("drafter"), false))).Succeeded.ShouldBeTrue();
        (await IsSignedInAsync(cookie)).ShouldBeFalse("enabling again does not bring back the old sessions");
        (await IsSignedInAsync(await CircuitClient.SignInAsync(Server.BaseAddress, "drafter"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_persons_other_cookies()
    {
        var here = await CircuitClient.SignInAsync(Server.BaseAddress, "member");
        var elsewhere = await CircuitClient.SignInAsync(Server.BaseAddress, "member");
        (await IsSignedInAsync(elsewhere)).ShouldBeTrue();

        // The button's form, as the browser posts it: the layout's antiforgery token with the antiforgery cookie.
        using var http = NoRedirects();
        using var page = await GetAsync(http, "/", here);
        var html = await page.Content.ReadAsStringAsync();
        var form = LogoutEverywhereForm().Match(html);
        form.Success.ShouldBeTrue("the app bar has a 退出所有设备 form");
        var cookies = here + "; " + string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/LogoutEverywhere")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups[1].Value) }),
        };
        post.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await PastTheValidationInterval();

        (await IsSignedInAsync(elsewhere)).ShouldBeFalse("another device's cookie ends");
    }

    [Fact]
    public async Task A_person_with_an_issued_password_gets_an_empty_redirect_to_the_change_page_for_pages_and_files()
    {
        var cookie = await CircuitClient.SignInAsync(Server.BaseAddress, "handler");
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.UserName == "handler").ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true));
        }
        using var http = NoRedirects();
        foreach (var path in new[] { "/board", "/attachments/1", $"/catalogue/{DateTime.UtcNow.Year}/export.xlsx", "/" })
        {
            using var response = await GetAsync(http, path, cookie);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldBe($"/Account/Manage/ChangePassword?returnUrl={Uri.EscapeDataString(path)}", path);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty(path);
        }
        using var change = await GetAsync(http, "/Account/Manage/ChangePassword?returnUrl=%2Fboard", cookie);
        change.StatusCode.ShouldBe(HttpStatusCode.OK, "the change page itself stays open");
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_end_a_signed_in_session_and_a_locked_name_answers_like_an_unknown_one()
    {
        var cookie = await CircuitClient.SignInAsync(Server.BaseAddress, "office");
        (await ShowsSignedInPersonAsync(cookie)).ShouldBeTrue();

        for (var i = 0; i < 5; i++) (await PostSignInAsync("office", "wrong-password")).SignedIn.ShouldBeFalse();
        (await UserAsync("office")).LockoutEnd.ShouldNotBeNull("five failures lock new sign-ins");
        await PastTheValidationInterval();

        (await ShowsSignedInPersonAsync(cookie)).ShouldBeTrue("a stranger's guesses must not cut the office's live session");
        var locked = await PostSignInAsync("office", "Demo@2026");
        var unknown = await PostSignInAsync("nobody-by-this-name", "Demo@2026");
        locked.SignedIn.ShouldBeFalse();
        unknown.Error.ShouldNotBeNull();
        locked.Status.ShouldBe(unknown.Status);
        locked.Error.ShouldBe(unknown.Error);
    }

    private static Task PastTheValidationInterval() => Task.Delay(TimeSpan.FromSeconds(1.5));

    private string UserId(string userName) => UserAsync(userName).GetAwaiter().GetResult().Id;

    private async Task<ApplicationUser> UserAsync(string userName)
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    /// <summary>Runs the Admin's service as the admin would from the users page (the circuit's authentication state).</summary>
    private async Task<T> AsAdmin<T>(Func<UserAdminService, Task<T>> action)
    {
        var adminId = (await UserAsync("admin")).Id;
        await using var scope = Server.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId)], IdentityConstants.ApplicationScheme));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await action(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    /// <summary>A page that needs a signed-in person answers 200; anonymous, it sends to the sign-in page.</summary>
    private async Task<bool> IsSignedInAsync(string cookie)
    {
        using var http = NoRedirects();
        using var response = await GetAsync(http, "/Account/Manage/ChangePassword", cookie);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The app bar names the signed-in person (CurrentUser's view, which is what every service checks).</summary>
    private async Task<bool> ShowsSignedInPersonAsync(string cookie)
    {
        using var http = NoRedirects();
        using var response = await GetAsync(http, "/", cookie);
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("data-testid=\"shell-user\"");
    }

    private async Task<(HttpStatusCode Status, bool SignedIn, string? Error)> PostSignInAsync(string userName, string password)
    {
        using var http = NoRedirects();
        using var form = await http.GetAsync("/Account/Login");
        var cookies = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var fields = HiddenInput().Matches(await form.Content.ReadAsStringAsync())
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(post);
        var signedIn = response.Headers.TryGetValues("Set-Cookie", out var issued) && issued.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var error = LoginError().Match(await response.Content.ReadAsStringAsync()) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        return (response.StatusCode, signedIn, error);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>(?:\\s*<[^>]+>)*\\s*([^<]+)")]
    private static partial Regex LoginError();

    [GeneratedRegex("data-testid=\"logout-everywhere\".*?name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex LogoutEverywhereForm();
}
