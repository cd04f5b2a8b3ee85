using System.Net;
using System.Text.RegularExpressions;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>
/// The theme travels as one cached stylesheet instead of MudThemeProvider's inline CSS in every page: pages link the
/// version of their mode, and that address answers MudBlazor's own variables with the app's palette, cacheable for a year.
/// </summary>
public sealed partial class ThemeStylesheetTests(AppServer server) : IClassFixture<AppServer>, IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public void Dispose() => client.Dispose();

    private async Task<string> PageAsync(string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/Account/Login")]
    public async Task A_static_page_links_the_theme_instead_of_carrying_it(string path)
    {
        var html = await PageAsync(path);

        html.ShouldNotContain("mud-theme-provider");
        html.ShouldNotContain("--mud-palette-primary");
        ThemeLink().Matches(html).Select(m => m.Groups["mode"].Value).ShouldBe(["light"]);
    }

    [Fact]
    public async Task The_linked_stylesheet_is_MudBlazors_theme_with_the_apps_palette_and_keeps_for_a_year()
    {
        var href = ThemeLink().Match(await PageAsync("/board")).Groups["href"].Value;

        var response = await client.GetAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        var css = await response.Content.ReadAsStringAsync();
        css.ShouldContain("--mud-palette-primary: rgba(198,40,40,1)"); // AppTheme's Party red, #C62828
        css.ShouldContain("::-webkit-scrollbar");
        css.ShouldNotContain("<style");
    }

    [Fact]
    public async Task The_dark_choice_in_the_cookie_links_the_dark_stylesheet_which_differs()
    {
        var darkHtml = await PageAsync("/board", "pa-theme=dark");
        ThemeLink().Match(darkHtml).Groups["mode"].Value.ShouldBe("dark");

        var light = await client.GetStringAsync("theme/light.css");
        var dark = await client.GetStringAsync("theme/dark.css");

        dark.ShouldContain("--mud-palette-primary: rgba(239,83,80,1)"); // PaletteDark.Primary, #EF5350
        dark.ShouldNotBe(light);
    }

    [Fact]
    public async Task Any_other_mode_is_not_found()
    {
        (await client.GetAsync("theme/blue.css")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>theme/(?<mode>light|dark)\.css\?v=[0-9a-f]{12})" />""")]
    private static partial Regex ThemeLink();
}
