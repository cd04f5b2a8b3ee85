using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PartyAffairs.Tests.Drills;

/// <summary>Drill 5 over HTTP: the security headers are on every kind of response, and the policy allows no eval.</summary>
[Trait("Category", "Drill")]
public sealed class HeadersDrillTests(DrillWebApp app) : IClassFixture<DrillWebApp>
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/board")]
    [InlineData("GET", "/Account/Login")]
    [InlineData("GET", "/dashboard")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/app.css")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("POST", "/Account/Logout")]
    public async Task Every_response_carries_the_security_headers(string method, string path)
    {
        var response = await app.NewClient("10.0.5.1").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("frame-ancestors 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        csp.ShouldContain("style-src 'self' 'unsafe-inline'");
        csp.ShouldContain("object-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("SAMEORIGIN");
    }

    [Fact]
    public async Task The_only_inline_script_carries_the_nonce_of_its_own_response()
    {
        var response = await app.NewClient("10.0.5.2").GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;

        nonce.ShouldNotBeEmpty();
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>");
        inline.ShouldNotBeEmpty();
        inline.ShouldAllBe(m => m.Value.Contains($"nonce=\"{nonce}\""));
        html.ShouldNotContain("onclick=\"");
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/board/print")]
    [InlineData("/board/screen")]
    public async Task A_public_page_the_cache_shares_carries_no_inline_script_and_no_nonce(string path)
    {
        // Twice: the second answer may come from the output cache, which keeps the first one's headers and markup.
        foreach (var visitor in new[] { "10.0.5.4", "10.0.5.5" })
        {
            var response = await app.NewClient(visitor).GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("nonce-");
            System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").ShouldBeEmpty(path);
        }
    }

    [Fact]
    public async Task Each_response_gets_a_fresh_nonce()
    {
        var client = app.NewClient("10.0.5.3");
        var first = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/Account/Login")).Headers.GetValues("Content-Security-Policy").Single();
        first.ShouldNotBe(second);
    }

    /// <summary>Drill 4: every endpoint that takes a POST (pages with forms, sign-out, file endpoints) validates an antiforgery token.</summary>
    [Fact]
    public void Every_endpoint_that_accepts_a_post_requires_an_antiforgery_token()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // The circuit's own endpoints are guarded by the Origin check (SignInDrillTests); the health probe reads no form and changes nothing.
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/_blazor", StringComparison.Ordinal) && e.RoutePattern.RawText != "/healthz")
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods
                || methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(20);
        var unprotected = endpoints.Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation != true)
            .Select(e => e.RoutePattern.RawText).ToList();
        unprotected.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sign_in_or_sign_out_post_without_the_token_is_refused_with_400()
    {
        var client = app.NewClient("10.0.5.4");
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "office", ["Input.Password"] = "Demo@2026",
        }));
        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        login.Headers.Contains("Set-Cookie").ShouldBeFalse();
        logout.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await logout.Content.ReadAsStringAsync()).ShouldContain("刷新");
    }

    [Theory]
    [InlineData("/Account/Logout")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/admin/settings")]
    public async Task A_signed_in_post_without_the_token_is_refused_and_the_session_survives(string path)
    {
        var client = app.NewClient("10.0.5.5");
        (await DrillWebApp.PostLoginAsync(client, "admin", "Demo@2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "settings" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/admin/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
