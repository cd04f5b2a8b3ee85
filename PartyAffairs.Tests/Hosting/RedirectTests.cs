using System.Net;
using System.Text.RegularExpressions;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Every redirect that takes an address from the request (the culture switch, sign-in's returnUrl, the change-password
/// page's continue link) is fed the same list of ways off-site: each lands on this app's home page, never elsewhere and
/// never on a 500.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RedirectTests(AppServer server)
{
    [Fact]
    public async Task The_culture_switch_sends_every_off_site_address_home()
    {
        using var http = NoRedirects();
        var failures = new List<string>();
        foreach (var url in LocalUrlTests.OffSite)
        {
            using var response = await http.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(url)}");
            if (response.StatusCode != HttpStatusCode.Redirect || Landing(response) != "/") failures.Add($"{Show(url)} -> {(int)response.StatusCode} {response.Headers.Location}");
        }
        failures.ShouldBeEmpty();
        using var local = await http.GetAsync("/culture/set?culture=en&redirectUri=%2Fboard");
        Landing(local).ShouldBe("/board");
    }

    [Fact]
    public async Task Signing_in_sends_every_off_site_return_address_home()
    {
        var failures = new List<string>();
        foreach (var url in LocalUrlTests.OffSite)
        {
            var mark = server.Logs.Mark;
            var (status, landing) = await SignInAsync("member", url);
            if (status != HttpStatusCode.Redirect || landing != "/")
                failures.Add($"{Show(url)} -> {(int)status} {landing} {string.Join(" | ", server.Logs.Since(mark, Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message))}");
        }
        failures.ShouldBeEmpty();
        (await SignInAsync("member", "/board?q=%E5%85%9A")).Landing.ShouldBe("/board?q=%E5%85%9A");
        (await SignInAsync("member", "/board?q=党")).Landing.ShouldBe("/board?q=%E5%85%9A");
    }

    [Fact]
    public async Task The_change_password_page_continues_only_to_this_app()
    {
        var cookie = await CircuitClient.SignInAsync(server.BaseAddress, "member");
        using var http = NoRedirects();
        var failures = new List<string>();
        foreach (var url in LocalUrlTests.OffSite.Append("/board"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/Account/Manage/ChangePassword?returnUrl={Uri.EscapeDataString(url)}");
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            var continueTo = ContinueLink().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
            var expected = url == "/board" ? "/board" : "/";
            if (response.StatusCode != HttpStatusCode.OK || continueTo != expected) failures.Add($"{Show(url)} -> {(int)response.StatusCode} {continueTo}");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sign_in_post_with_a_NUL_character_is_told_so_in_Chinese()
    {
        using var http = NoRedirects();
        using var form = await http.GetAsync("/Account/Login");
        var cookies = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var fields = HiddenInput().Matches(await form.Content.ReadAsStringAsync())
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.UserName"] = "member\0";
        fields["Input.Password"] = "Demo@2026";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(post);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("不可见的控制字符");
        html.ShouldNotContain("antiforgery", Case.Insensitive);
        response.Headers.TryGetValues("Set-Cookie", out var signedIn).ShouldBeFalse("nobody is signed in by such a post");
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    /// <summary>Where a redirect lands, as a path of this app; the whole address when it is another site.</summary>
    private string? Landing(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location) return null;
        var target = location.IsAbsoluteUri ? location : new Uri(server.BaseAddress, location);
        return target.Authority == server.BaseAddress.Authority && target.Scheme == server.BaseAddress.Scheme ? target.PathAndQuery : target.ToString();
    }

    private async Task<(HttpStatusCode Status, string? Landing)> SignInAsync(string userName, string returnUrl)
    {
        using var http = NoRedirects();
        var path = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        using var form = await http.GetAsync(path);
        var cookies = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var html = await form.Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = "Demo@2026";
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(post);
        return (response.StatusCode, Landing(response));
    }

    private static string Show(string url) => Regex.Escape(url);

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<a(?=[^>]*data-testid=\"continue\")[^>]*href=\"([^\"]*)\"")]
    private static partial Regex ContinueLink();
}
