using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Reads the little of an element's presentation a body keeps — alignment, indentation, and bold/italic/underline written
/// as styles (WPS and editors do) — and writes the one canonical style a stored body may carry.
/// </summary>
internal static partial class BodyStyle
{
    public const int MaxIndent = 8;

    public static Dictionary<string, string> Parse(string? style)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(style)) return result;
        foreach (var declaration in CssComment().Replace(style, "").Split(';'))
        {
            var colon = declaration.IndexOf(':');
            if (colon <= 0) continue;
            var name = declaration[..colon].Trim().ToLowerInvariant();
            var value = declaration[(colon + 1)..].Replace("!important", "", StringComparison.OrdinalIgnoreCase).Trim().Trim('\'', '"').ToLowerInvariant();
            if (name.Length > 0) result[name] = value;
        }
        return result;
    }

    /// <summary>center, right or justify; null for left, the default, and for anything not on the list.</summary>
    public static string? Alignment(IElement element, Dictionary<string, string> style)
    {
        var value = style.GetValueOrDefault("text-align") ?? element.GetAttribute("align")?.Trim().ToLowerInvariant();
        value ??= element.ClassList.Select(c => c.StartsWith("ql-align-", StringComparison.Ordinal) ? c["ql-align-".Length..] : null)
            .FirstOrDefault(c => c is not null);
        return value is "center" or "right" or "justify" ? value : null;
    }

    /// <summary>The indent level 0–8 in steps of two characters (2em, or 21pt at Word's 10.5pt body size).</summary>
    public static int Indent(IElement element, Dictionary<string, string> style)
    {
        foreach (var c in element.ClassList)
        {
            if (c.StartsWith("ql-indent-", StringComparison.Ordinal) && int.TryParse(c["ql-indent-".Length..], out var level))
                return Math.Clamp(level, 0, MaxIndent);
        }
        var length = style.GetValueOrDefault("padding-left") ?? style.GetValueOrDefault("margin-left");
        if (length is null) return 0;
        var match = Length().Match(length);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)) return 0;
        var ems = match.Groups[2].Value switch
        {
            "em" or "rem" => amount,
            "pt" => amount / 10.5,
            "px" => amount / 14,
            "cm" => amount * 28.35 / 10.5,
            "mm" => amount * 2.835 / 10.5,
            "in" => amount * 72 / 10.5,
            _ => 0,
        };
        return Math.Clamp((int)Math.Round(ems / 2, MidpointRounding.AwayFromZero), 0, MaxIndent);
    }

    public static bool Bold(Dictionary<string, string> style) =>
        style.GetValueOrDefault("font-weight") is "bold" or "bolder" or "600" or "700" or "800" or "900";

    public static bool NotBold(Dictionary<string, string> style) =>
        style.GetValueOrDefault("font-weight") is "normal" or "lighter" or "100" or "200" or "300" or "400";

    public static bool Italic(Dictionary<string, string> style) =>
        style.GetValueOrDefault("font-style") is "italic" or "oblique";

    public static bool Underline(Dictionary<string, string> style) =>
        (style.GetValueOrDefault("text-decoration") ?? style.GetValueOrDefault("text-decoration-line") ?? "").Contains("underline", StringComparison.Ordinal);

    /// <summary>Word's hidden text and anything styled away is not part of what the reader saw.</summary>
    public static bool Hidden(Dictionary<string, string> style) =>
        style.GetValueOrDefault("display") == "none" || style.GetValueOrDefault("visibility") == "hidden" || style.GetValueOrDefault("mso-hide") == "all";

    /// <summary>Word's list bullet or number, written as text for other programs: the real list replaces it.</summary>
    public static bool ListMarker(Dictionary<string, string> style) => style.GetValueOrDefault("mso-list") == "ignore";

    /// <summary>The canonical style attribute value, formatted as the sanitizer's CSS writer formats it so a second pass changes nothing.</summary>
    public static string? Write(string? alignment, int indent)
    {
        var parts = new List<string>(2);
        if (alignment is not null) parts.Add($"text-align: {alignment}");
        if (indent > 0) parts.Add($"padding-left: {indent * 2}em");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static void Apply(IElement element, string? alignment, int indent)
    {
        var style = Write(alignment, indent);
        if (style is null) element.RemoveAttribute("style");
        else element.SetAttribute("style", style);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"^(-?[0-9]*\.?[0-9]+)\s*(em|rem|pt|px|cm|mm|in)$")]
    private static partial Regex Length();
}
