using System.Net;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// One person's browser through the <see cref="NodeProxy"/>, without a browser: it keeps its cookies (the sign-in cookie and
/// the proxy's affinity cookie) as a browser does, follows no redirect, and tells which node answered each request.
/// </summary>
public sealed class ProxyVisitor(Uri proxy) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = proxy };
    private readonly Dictionary<string, string> cookies = [];

    /// <summary>The cookies to send (name=value; …), e.g. for <c>CircuitClient</c>.</summary>
    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Takes cookies issued elsewhere (a sign-in through <c>CircuitClient.SignInAsync</c>).</summary>
    public void Use(string cookieHeader)
    {
        foreach (var pair in cookieHeader.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0) cookies[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    public async Task<Visit> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var value in set) Use(value.Split(';', 2)[0]);
        }
        var node = response.Headers.TryGetValues(NodeProxy.NodeHeader, out var nodes) ? nodes.First() : null;
        return new Visit(response.StatusCode, node, await response.Content.ReadAsStringAsync(cancellationToken), response.Headers.Location);
    }

    public void Dispose() => http.Dispose();

    /// <summary>What came back: the status, the node that answered (null: the proxy itself), the page, where it redirects.</summary>
    public sealed record Visit(HttpStatusCode Status, string? Node, string Html, Uri? Location);
}
