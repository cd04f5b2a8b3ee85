using AngleSharp.Html.Parser;
using PartyAffairs.App.Features.Publishing;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

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
        var html = renderer.ToSafeHtml(payload);

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
    public void Content_cannot_give_an_element_an_id_of_the_page(string markdown)
    {
        var document = new HtmlParser().ParseDocument($"<body>{renderer.ToSafeHtml(markdown)}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("[id]"))
        {
            element.Id!.ShouldStartWith(MarkdownRenderer.ContentIdPrefix);
        }
    }

    [Fact]
    public void In_page_links_follow_the_prefixed_ids()
    {
        var document = new HtmlParser().ParseDocument($"<body>{renderer.ToSafeHtml("正文[^1]\n\n[^1]: 注释")}</body>");
        var links = document.Body!.QuerySelectorAll("a[href^='#']");
        links.ShouldNotBeEmpty();
        foreach (var link in links)
        {
            document.GetElementById(link.GetAttribute("href")![1..]).ShouldNotBeNull(link.GetAttribute("href"));
        }
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_safe_links()
    {
        var html = renderer.ToSafeHtml("# 党费\n\n**应缴** 12 人\n\n- 一\n- 二\n\n[通知](https://example.org/a)");

        html.ShouldContain("<h1");
        html.ShouldContain("<strong>应缴</strong>");
        html.ShouldContain("<li>一</li>");
        html.ShouldContain("href=\"https://example.org/a\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
    }

    [Fact]
    public void Empty_body_renders_nothing()
    {
        renderer.ToSafeHtml("").ShouldBe("");
        renderer.ToSafeHtml("   ").ShouldBe("");
    }
}
