using System.Globalization;
using System.Text;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// The one decision whether a URL a request carries (returnUrl, redirectUri…) may be redirected to: only a path of
/// this app. Every redirect that takes a URL from a request goes through <see cref="OrHome"/>; a refused value goes
/// home, never to a 500.
/// </summary>
public static class LocalUrl
{
    public const string Home = "/";

    /// <summary>
    /// The framework's <c>IsLocalUrl</c> rules ("/x" or "~/x", never "//" or "/\" after the lead), plus: no control,
    /// whitespace or invisible format character anywhere (browsers drop a tab or a line break, so "/\t/evil.example"
    /// becomes "//evil.example"), and the same again for the path once percent-decoded ("/%09/evil.example").
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || !FrameworkIsLocal(url) || url.Any(Hidden)) return false;
        var path = url.AsSpan(0, PathLength(url)).ToString();
        string decoded;
        try { decoded = Uri.UnescapeDataString(path); }
        catch (UriFormatException) { return false; }
        // A path that decodes to something else must be local as decoded too (once more covers double encoding).
        return decoded == path || IsLocal(decoded);
    }

    /// <summary>
    /// The URL when it is local, otherwise the home page; "~/x" as "/x", and characters beyond ASCII percent-encoded
    /// (a Location header carries ASCII only: "/board?q=党" would otherwise be a 500).
    /// </summary>
    public static string OrHome(string? url)
    {
        if (!IsLocal(url)) return Home;
        var path = url!.StartsWith('~') ? url[1..] : url;
        if (path.All(char.IsAscii)) return path;
        var ascii = new StringBuilder(path.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }
            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)]) ascii.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return ascii.ToString();
    }

    // Microsoft.AspNetCore.Mvc.Routing.UrlHelperBase.CheckIsLocalUrl, which the framework does not expose.
    private static bool FrameworkIsLocal(string url)
    {
        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }
        if (url[0] == '~' && url.Length > 1 && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\');
        }
        return false;
    }

    private static bool Hidden(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static int PathLength(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url.Length : end;
    }
}
