using AngleSharp.Html.Parser;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

/// <summary>
/// Bodies written as Markdown before the rich editor — converted once, and in archive records frozen before it converted at
/// every display — go through <see cref="MarkdownBodies.ToHtml"/>: nothing a drafter typed then may run script now.
/// </summary>
public sealed class MarkdownBodiesHostileTests
{
    public static TheoryData<string> Payloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<a href=\"jAvAsCrIpT:alert(1)\">x</a>",
        "[x](jAvAsCrIpT:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<div style=\"background:url(javascript:alert(1));width:expression(alert(1))\">x</div>",
        "<p onclick=\"alert(1)\">x</p>",
        "<body onload=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "[x](vbscript:msgbox(1))",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "[x]( javascript:alert(1) \"t\")",
        "``` \n</code><script>alert(1)</script>\n```",
        "*x*{onclick=alert(1)}",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Nothing_a_drafter_types_can_run_script(string payload)
    {
        var html = MarkdownBodies.ToHtml(payload);

        // Judged on the parsed DOM, as the browser sees it: escaped text that merely mentions a tag is harmless.
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            element.LocalName.ShouldNotBeOneOf("script", "iframe", "svg", "img", "object", "embed", "style", "math", "form", "base", "meta", "link");
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", Case.Insensitive);
                attribute.Name.ShouldNotBe("style");
                attribute.Name.ShouldNotBe("src");
            }
            var href = new string((element.GetAttribute("href") ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
            href.ShouldNotMatch("(?i)^(javascript|vbscript|data):");
        }
    }

    [Theory]
    [InlineData("# 标题 {#blazor-error-ui}")]
    [InlineData("# blazor-error-ui")]
    [InlineData("段落 {#app}")]
    [InlineData("[链接](#x){#components-reconnect-modal}")]
    public void Content_gives_no_element_an_id_so_none_can_be_one_of_the_page(string markdown)
    {
        var document = new HtmlParser().ParseDocument($"<body>{MarkdownBodies.ToHtml(markdown)}</body>");
        document.Body!.QuerySelectorAll("[id]").ShouldBeEmpty();
    }

    [Fact]
    public void Empty_body_renders_nothing()
    {
        MarkdownBodies.ToHtml("").ShouldBe("");
        MarkdownBodies.ToHtml("   ").ShouldBe("");
    }
}
