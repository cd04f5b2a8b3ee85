using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Hosting.Compression;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Compression over HTTP against the real app with the demo seed: Brotli, then gzip, for the anonymous public pages, the
/// same bytes once decompressed (also when the first request filled the output cache), and never for a page that carries
/// an antiforgery token or for a signed-in request (BREACH).
/// </summary>
public sealed partial class CompressionHttpTests(AppServer server) : IClassFixture<AppServer>, IDisposable
{
    // No automatic decompression: the test sees the bytes on the wire.
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public void Dispose() => client.Dispose();

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? acceptEncoding, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Stream body = new MemoryStream(bytes);
        body = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            _ => throw new InvalidOperationException(encoding),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (response, await reader.ReadToEndAsync());
    }

    // The CSP nonce is fresh on every rendering (Hosting/Security/SecurityHeaders); element ids and the state comment may be too.
    private static string Shape(string html) => StateComment().Replace(GeneratedIds().Replace(html, "ID"), "STATE");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mudinput[a-z0-9]+|nonce=\"[0-9A-F]{32}\"")]
    private static partial Regex GeneratedIds();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex StateComment();

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

    private static void ShouldVaryByAcceptEncoding(HttpResponseMessage response, string path) =>
        response.Headers.Vary.ShouldContain(v => string.Equals(v, "Accept-Encoding", StringComparison.OrdinalIgnoreCase), path);

    [Theory]
    [InlineData("/board")]
    [InlineData("/guide")]
    [InlineData("/board/history")]
    [InlineData("/board/history?page=2")]
    public async Task A_public_page_is_Brotli_for_br_gzip_for_gzip_plain_without_and_the_same_page_decompressed(string path)
    {
        // Brotli first: it fills the output cache, and the next two are served from that entry.
        var (br, brHtml) = await GetAsync(path, "gzip, br");
        var (gzip, gzipHtml) = await GetAsync(path, "gzip");
        var (plain, plainHtml) = await GetAsync(path, null);
        var (identity, identityHtml) = await GetAsync(path, "identity");

        foreach (var r in new[] { br, gzip, plain, identity }) r.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        br.Content.Headers.ContentEncoding.ShouldBe(["br"], path);
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"], path);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty(path);
        identity.Content.Headers.ContentEncoding.ShouldBeEmpty(path);
        foreach (var r in new[] { br, gzip, plain, identity }) ShouldVaryByAcceptEncoding(r, path);

        plainHtml.ShouldContain("</html>");
        Shape(brHtml).ShouldBe(Shape(plainHtml), path);
        Shape(gzipHtml).ShouldBe(Shape(plainHtml), path);
        Shape(identityHtml).ShouldBe(Shape(plainHtml), path);
        // Compression pays: the demo board is small, but it still shrinks to well under half.
        (await br.Content.ReadAsByteArrayAsync()).Length.ShouldBeLessThan(Encoding.UTF8.GetByteCount(plainHtml) / 2, path);
    }

    [Fact]
    public async Task A_cached_page_is_not_served_compressed_to_a_client_that_did_not_ask_nor_plain_to_one_that_did()
    {
        // A query of its own, so this test's first request is the one that fills the entry.
        var path = "/board?q=" + Uri.EscapeDataString("压缩" + Guid.NewGuid().ToString("N")[..6]);
        var (first, firstHtml) = await GetAsync(path, null);
        var (second, secondHtml) = await GetAsync(path, "br");
        var (third, _) = await GetAsync(path, null);

        first.Content.Headers.ContentEncoding.ShouldBeEmpty();
        second.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        third.Content.Headers.ContentEncoding.ShouldBeEmpty();
        Shape(secondHtml).ShouldBe(Shape(firstHtml));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/apply")]
    [InlineData("/track")]
    [InlineData("/board/mailbox")]
    public async Task A_page_with_an_antiforgery_token_is_never_compressed(string path)
    {
        var (response, html) = await GetAsync(path, "br, gzip");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        html.ShouldContain("__RequestVerificationToken", customMessage: path);
        response.Content.Headers.ContentEncoding.ShouldBeEmpty(path);
    }

    [Fact]
    public async Task An_items_feedback_form_is_never_compressed_while_the_item_page_itself_is()
    {
        var (_, board) = await GetAsync("/board", null);
        var id = BoardItemLink().Matches(board).Select(m => m.Groups[1].Value).First();
        var (item, itemHtml) = await GetAsync($"/board/{id}", "br, gzip");
        var feedbackPath = FeedbackLink().Match(itemHtml) is { Success: true } m ? m.Value : $"/board/{id}/feedback";

        var (form, formHtml) = await GetAsync(feedbackPath, "br, gzip");

        item.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        itemHtml.ShouldNotContain("__RequestVerificationToken");
        form.StatusCode.ShouldBe(HttpStatusCode.OK, feedbackPath);
        formHtml.ShouldContain("__RequestVerificationToken");
        form.Content.Headers.ContentEncoding.ShouldBeEmpty(feedbackPath);
    }

    [GeneratedRegex("href=\"/board/(\\d+)\"")]
    private static partial Regex BoardItemLink();

    [GeneratedRegex("/board/\\d+/feedback")]
    private static partial Regex FeedbackLink();

    [Theory]
    [InlineData("/board")]
    [InlineData("/guide")]
    [InlineData("/board/history")]
    [InlineData("/")]
    public async Task A_signed_in_request_is_never_compressed(string path)
    {
        var cookie = await SignInCookieAsync("member");
        var (response, html) = await GetAsync(path, "br, gzip", cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        html.ShouldContain("</html>");
        response.Content.Headers.ContentEncoding.ShouldBeEmpty(path);
    }

    [Fact]
    public async Task A_sign_in_cookie_that_is_no_longer_valid_still_turns_compression_off()
    {
        var options = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var (response, _) = await GetAsync("/board", "br", $"{options.Cookie.Name}=not-a-ticket");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_shared_page_that_handed_out_an_antiforgery_token_is_not_compressed()
    {
        // The guard itself, on a request to a board endpoint: allowed, until the page asks for a token.
        await using var scope = server.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Get;
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new OutputCacheAttribute { PolicyName = BoardCachePolicy.Name }), "board"));
        PublicPageCompressionProvider.Allows(http).ShouldBeTrue();

        var antiforgery = scope.ServiceProvider.GetRequiredService<IAntiforgery>();
        antiforgery.ShouldBeOfType<TokenMarkingAntiforgery>();
        antiforgery.GetAndStoreTokens(http).RequestToken.ShouldNotBeNullOrEmpty();

        PublicPageCompressionProvider.Allows(http).ShouldBeFalse();
    }

    [Fact]
    public async Task A_page_outside_the_boards_cache_policy_is_not_compressed_even_when_anonymous()
    {
        var (response, _) = await GetAsync("/not-found", "br, gzip");

        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }
}
