using System.Net;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Behind a configured proxy each client counts on its own (the sign-in limit stands for the feedback and circuit limits:
/// all read the client address the forwarded-headers step sets); from anyone else X-Forwarded-For is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static AppServer Server(string knownProxy) => AppServer.With(new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies:0"] = knownProxy,
        ["SignIn:PermitLimit"] = "2",
    });

    private static async Task<HttpStatusCode> SignInPostAsync(HttpClient http, string client)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(post);
        return response.StatusCode;
    }

    [Fact]
    public async Task Clients_behind_a_known_proxy_are_limited_each_on_their_own_and_a_forged_header_counts_for_nothing()
    {
        // The tests reach the app over loopback: as the known proxy, and as a stranger when the proxy is elsewhere.
        foreach (var (proxy, fromProxy) in new[] { ("127.0.0.1", true), ("10.9.9.9", false) })
        {
            var server = Server(proxy);
            await server.InitializeAsync();
            try
            {
                await CountAsync(server, proxy, fromProxy);
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task CountAsync(AppServer server, string proxy, bool fromProxy)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        (await SignInPostAsync(http, "203.0.113.1")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await SignInPostAsync(http, "203.0.113.1")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await SignInPostAsync(http, "203.0.113.1")).ShouldBe(HttpStatusCode.TooManyRequests, proxy);
        var another = await SignInPostAsync(http, "203.0.113.2");
        if (fromProxy) another.ShouldNotBe(HttpStatusCode.TooManyRequests, "another client behind the proxy has its own allowance");
        else another.ShouldBe(HttpStatusCode.TooManyRequests, "a header from an unknown sender must not buy a fresh allowance");
    }
}
