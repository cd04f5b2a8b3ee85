using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace PartyAffairs.App.Components.Layout;

/// <summary>
/// MudBlazor's theme as a stylesheet. MudThemeProvider writes about 12 KB of CSS variables into every page — half of a
/// board page's bytes, rebuilt for every uncached request and held in every open circuit's render tree. Rendered once per
/// mode here, from MudThemeProvider itself so it stays MudBlazor's own output, it is one file the browser caches and
/// every page links to.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public const string Route = "/theme/{mode}.css";

    private readonly Lazy<Task<Sheet>> light = new(() => BuildAsync(scopes, loggers, dark: false));
    private readonly Lazy<Task<Sheet>> dark = new(() => BuildAsync(scopes, loggers, dark: true));

    /// <summary>The stylesheet of one mode; the version in its address changes whenever its text does.</summary>
    public sealed record Sheet(string Css, string Href);

    public Task<Sheet> GetAsync(bool darkMode) => (darkMode ? dark : light).Value;

    /// <summary>Served to anyone (the sign-in page and the public board need it too); the version makes it safe to keep for a year.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, async (string mode, ThemeStylesheet themes, HttpContext http) =>
        {
            if (mode is not ("light" or "dark")) return Results.NotFound();
            var sheet = await themes.GetAsync(mode == "dark");
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(sheet.Css, "text/css; charset=utf-8");
        }).AllowAnonymous();

    private static async Task<Sheet> BuildAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        var blocks = StyleBlock().Matches(html);
        // Only <style> blocks can move into a stylesheet: if a MudBlazor upgrade starts writing markup here, say so at once.
        if (blocks.Count == 0 || StyleBlock().Replace(html, "").Trim().Length > 0)
            throw new InvalidOperationException($"MudThemeProvider rendered something other than <style> blocks:\n{html}");
        var css = string.Join("\n", blocks.Select(b => b.Groups[1].Value.Trim()));
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return new Sheet(css, $"theme/{(dark ? "dark" : "light")}.css?v={version}");
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
