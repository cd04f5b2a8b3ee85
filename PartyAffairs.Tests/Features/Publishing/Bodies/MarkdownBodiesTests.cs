using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.Tests.Data;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

public sealed partial class MarkdownBodiesTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    [Fact]
    public async Task Every_body_the_demo_writes_is_stored_as_clean_HTML()
    {
        await using var db = bureau.Harness.NewDb();
        var bodies = await db.Disclosures.Select(d => d.Body).Distinct().ToListAsync();
        bodies.Count.ShouldBeGreaterThan(10);
        (await db.Disclosures.AnyAsync(d => d.BodyFormat != App.Domain.BodyFormat.Html)).ShouldBeFalse();
        (await db.Set<App.Domain.DisclosureVersion>().AnyAsync(v => v.BodyFormat != App.Domain.BodyFormat.Html)).ShouldBeFalse();

        foreach (var html in bodies)
        {
            BodyHtml.Sanitize(html, _ => false).ShouldBe(html);
            BodyHtml.ToPlainText(html).ShouldNotContain("**");
            BodyHtml.ToPlainText(html).ShouldNotContain("##");
        }
    }

    [Fact]
    public async Task The_demo_tables_lists_and_headings_are_their_HTML_elements()
    {
        await using var db = bureau.Harness.NewDb();
        var dues = await db.Disclosures.Where(d => d.Title.StartsWith("党费收缴情况公示")).Select(d => d.Body).FirstAsync();
        var integrity = await db.Disclosures.Where(d => d.Body.Contains("<h3>一、责任分解</h3>")).Select(d => d.Body).FirstOrDefaultAsync();

        dues.ShouldStartWith("<h2>党费收缴情况公示");
        dues.ShouldContain("<table><thead><tr><th>项目</th><th>人数 / 金额</th></tr></thead><tbody><tr><td>应交党费党员</td><td>23 人</td></tr>");
        integrity.ShouldNotBeNull();
    }

    public static TheoryData<string, string> EdgeCases => new()
    {
        { "| 会议 | 应到 |\n| :---: | ---: |\n| 支部党员大会 | 23 |", "<table><thead><tr><th style=\"text-align: center\">会议</th><th style=\"text-align: right\">应到</th></tr></thead><tbody><tr><td style=\"text-align: center\">支部党员大会</td><td style=\"text-align: right\">23</td></tr></tbody></table>" },
        { "1. 第一\n   - 甲\n   - 乙\n2. 第二", "<ol><li>第一<ul><li>甲</li><li>乙</li></ul></li><li>第二</li></ol>" },
        { "# 一级\n\n#### 四级", "<h2>一级</h2><h3>四级</h3>" },
        { "正文 <b>不是粗体</b> <script>alert(1)</script>", "<p>正文 &lt;b&gt;不是粗体&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>" },
        { "<div onclick=\"x()\">块级 HTML</div>", "<p>&lt;div onclick=\"x()\"&gt;块级 HTML&lt;/div&gt;</p>" },
        { "> 更正说明：日期有误。", "<blockquote><p>更正说明：日期有误。</p></blockquote>" },
        { "见[公告](https://example.org/a)和[脚本](javascript:alert(1))", "<p>见<a href=\"https://example.org/a\" rel=\"noopener noreferrer\">公告</a>和脚本</p>" },
        { "![合影照片](https://example.org/x.png)", "<p>合影照片</p>" },
        { "- [x] 已完成\n- [ ] 未完成", "<ul><li>☑ 已完成</li><li>☐ 未完成</li></ul>" },
        { "```\ncode <line>\n第二行\n```", "<p>code &lt;line&gt;<br>第二行</p>" },
        { "~~删除~~ `代码` 上^标^", "<p>删除 代码 上标</p>" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Markdown_edge_cases_convert_to_the_body_vocabulary_and_keep_their_text(string markdown, string expected)
    {
        var html = MarkdownBodies.ToHtml(markdown);

        html.ShouldBe(expected);
        AssertKeepsEveryWord(Regex.Replace(markdown, @"\]\([^)]*\)", "]"), html);
    }

    [Fact]
    public void Raw_HTML_in_Markdown_stays_visible_text_and_never_becomes_markup()
    {
        var html = MarkdownBodies.ToHtml("<img src=x onerror=alert(1)> <iframe src=//evil></iframe> <b>粗</b>");

        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        body.QuerySelectorAll("img, iframe, b, strong").Length.ShouldBe(0);
        BodyHtml.ToPlainText(html).ShouldBe("<img src=x onerror=alert(1)> <iframe src=//evil></iframe> <b>粗</b>");
    }

    /// <summary>Every run of letters and digits of the source (Markdown syntax aside) appears in the converted body's text.</summary>
    private static void AssertKeepsEveryWord(string markdown, string html)
    {
        var text = BodyHtml.ToPlainText(html);
        var source = string.Join('\n', markdown.Split('\n').Select(line => TaskBox().Replace(ListMarker().Replace(line, ""), "")));
        foreach (Match word in Word().Matches(source)) text.ShouldContain(word.Value, customMessage: markdown);
    }

    [GeneratedRegex(@"^\s*(\d+[.)]|[-*+])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\[[ xX]\]\s")]
    private static partial Regex TaskBox();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
