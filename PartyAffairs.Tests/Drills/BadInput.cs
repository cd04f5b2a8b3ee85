using System.Text;

namespace PartyAffairs.Tests.Drills;

/// <summary>Generated hostile text and files: boundaries, markup, control characters, long and mixed-script text, malformed files.</summary>
public static class BadInput
{
    private static readonly string[] Seeds =
    [
        "", " ", "\t\r\n", "a", "党", "0", "-1", "null", "undefined", "NaN",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "javascript:alert(1)",
        "[点我](javascript:alert(1))", "![x](x \"onerror=alert(1)\")", "<iframe src=//evil.example>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "'; DROP TABLE Disclosures; --", "\" OR 1=1 --", "%", "_", "%_%", "\\", "{0}{1}{{", "%s%n%x", "${jndi:ldap://x}",
        "\0", "\u0001\u0002\u0007\u001b[31m", "\u202Eevil\u202C", "\uFEFF\u200B\u200D", "\uD800", "\uDFFF\uD800", "😀👨‍👩‍👧", "𠀀𪚥",
        "党务公开 العربية עברית Ελληνικά Русский 한국어 日本語", "ｆｕｌｌｗｉｄｔｈ", "e\u0301\u0301\u0301", "\r\n\r\n# 标题\r\n> 引用",
        "../../../../etc/passwd", "CON", "nul.txt", "a/b\\c:d*e?f\"g<h>i|j",
    ];

    /// <summary>Every seed as is, then grown to lengths around the usual limits (the longest far past any of them).</summary>
    public static IEnumerable<string> Texts()
    {
        foreach (var seed in Seeds) yield return seed;
        foreach (var length in new[] { 49, 50, 51, 99, 100, 101, 199, 200, 201, 499, 500, 501, 1999, 2000, 2001, 20_001, 200_001 })
        {
            foreach (var seed in new[] { "党", "<b>x</b>", "\u0001a", "😀", "a\r\n" })
            {
                var text = new StringBuilder(length + seed.Length);
                while (text.Length < length) text.Append(seed);
                yield return text.ToString(0, length);
            }
        }
    }

    /// <summary>Files named and filled to break a parser or a path: empty, random, truncated archives, lying extensions, traversal names.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Files()
    {
        var random = new Random(2026);
        byte[] Random(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        var zipHeader = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 };
        var names = new[] { "目录.xlsx", "目录.csv", "x.pdf", "x.docx", "x.exe", "../../escape.xlsx", "..\\..\\escape.csv", "a\0b.xlsx", "\u202Egpj.exe",
            new string('长', 300) + ".xlsx", "", " ", ".xlsx", "CON.csv" };
        var contents = new[]
        {
            Array.Empty<byte>(), Random(1), Random(4096), zipHeader, [.. zipHeader, .. Random(2000)], "%PDF-1.7\n%%EOF"u8.ToArray(),
            Encoding.UTF8.GetBytes("年份,组织,类别\n" + new string(',', 5000)), Encoding.UTF8.GetBytes("\"unterminated,quote\n\"\"\"\n"),
            Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("<script>alert(1)</script>,=cmd|' /C calc'!A0,@SUM(1+1)", 200))),
            [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0xD8],
        };
        foreach (var name in names)
        foreach (var content in contents)
            yield return (name, content);
    }
}
