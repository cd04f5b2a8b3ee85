using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Drills;

/// <summary>Drill 4 over HTTP: lockout, the per-address sign-in limit, cookie flags and the circuit's Origin check.</summary>
[Trait("Category", "Drill")]
public sealed class SignInDrillTests(DrillWebApp app) : IClassFixture<DrillWebApp>
{
    private async Task CreateUserAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        (await users.CreateAsync(user, "Demo@2026")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Member)).Succeeded.ShouldBeTrue();
    }

    private static bool SignedIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

    [Fact]
    public async Task The_fifth_wrong_password_locks_the_account_and_then_even_the_right_one_is_refused()
    {
        await CreateUserAsync("drill-lock");
        var client = app.NewClient("10.0.4.1");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await DrillWebApp.PostLoginAsync(client, "drill-lock", "wrong-password");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
        }
        var fifth = await DrillWebApp.PostLoginAsync(client, "drill-lock", "wrong-password");
        var right = await DrillWebApp.PostLoginAsync(client, "drill-lock", "Demo@2026");

        // Locked, but told in the same words as a wrong password or an unknown name, so names cannot be enumerated.
        (await fifth.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
        (await right.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
        SignedIn(right).ShouldBeFalse();
        var unknown = await DrillWebApp.PostLoginAsync(client, "drill-nobody", "Demo@2026");
        var said = Message(await right.Content.ReadAsStringAsync());
        said.ShouldContain("用户名或密码不正确");
        Message(await unknown.Content.ReadAsStringAsync()).ShouldBe(said);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.IsLockedOutAsync((await users.FindByNameAsync("drill-lock"))!)).ShouldBeTrue("the fifth wrong password locks the account");
    }

    /// <summary>The sign-in page's error message, as a person reads it.</summary>
    private static string Message(string html)
    {
        var at = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        if (at < 0) return "";
        var text = System.Text.RegularExpressions.Regex.Replace(html[at..], "<[^>]+>", " ");
        return System.Text.RegularExpressions.Regex.Match(text, "用户名或密码不正确[^<>]*?分钟。").Value;
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_with_a_clear_message_and_other_addresses_are_not()
    {
        var flooder = app.NewClient("10.0.4.2");
        for (var attempt = 1; attempt <= DrillWebApp.SignInPermitLimit; attempt++)
        {
            (await DrillWebApp.PostLoginAsync(flooder, $"guess{attempt}", "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await DrillWebApp.PostLoginAsync(flooder, "guess-more", "wrong-password");
        var neighbour = await DrillWebApp.PostLoginAsync(app.NewClient("10.0.4.3"), "office", "Demo@2026");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("登录尝试过于频繁");
        SignedIn(neighbour).ShouldBeTrue();
        // Reading the page is never limited.
        (await flooder.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_HttpOnly_Secure_and_SameSite()
    {
        var client = app.NewClient("10.0.4.4");
        var page = await client.GetAsync("/Account/Login");
        var signIn = await DrillWebApp.PostLoginAsync(client, "office", "Demo@2026");

        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToLowerInvariant();
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).ToLowerInvariant();
        foreach (var cookie in new[] { antiforgery, session })
        {
            cookie.ShouldContain("; httponly");
            cookie.ShouldContain("; secure");
            cookie.ShouldContain("; samesite=");
        }
        session.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task The_circuit_refuses_a_foreign_origin_at_negotiate_and_at_the_websocket()
    {
        var client = app.NewClient("10.0.4.5");
        var foreign = await NegotiateAsync(client, "https://evil.example");
        var own = await NegotiateAsync(client, "https://localhost");

        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("拒绝");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        var evil = app.Host.Server.CreateWebSocketClient();
        evil.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";
        await Should.ThrowAsync<Exception>(() => evil.ConnectAsync(new Uri($"wss://localhost/_blazor?id={token}"), CancellationToken.None));

        var second = JsonDocument.Parse(await (await NegotiateAsync(client, "https://localhost")).Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var ownSocket = app.Host.Server.CreateWebSocketClient();
        ownSocket.ConfigureRequest = request => request.Headers.Origin = "https://localhost";
        using var socket = await ownSocket.ConnectAsync(new Uri($"wss://localhost/_blazor?id={second}"), CancellationToken.None);
        socket.State.ShouldBe(WebSocketState.Open);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }
}
