using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

public sealed class BodyHtmlTests
{
    private const string Own = "/attachments/7/photo.png";

    private static string Clean(string html) => BodyHtml.Sanitize(html, url => url == Own);

    private static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    /// <summary>Hostile input, and exactly what remains of it.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { "<script>alert(1)</script><p>正文</p>", "<p>正文</p>" },
        { "<p>前<script>alert(1)</script>后</p>", "<p>前后</p>" },
        { "<img src=x onerror=alert(1)><p>文</p>", "<p>文</p>" },
        { "<p onclick=\"alert(1)\" onmouseover=\"x()\">文</p>", "<p>文</p>" },
        { "<p><a href=\"javascript:alert(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\"JaVaScRiPt:alert(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\"&#106;&#x61;vascript&colon;alert(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\" \tjava\nscript:alert(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\"\u0001javascript:alert(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\"vbscript:msgbox(1)\">链接</a></p>", "<p>链接</p>" },
        { "<p><a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">链接</a></p>", "<p>链接</p>" },
        { "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\">图</p>", "<p>图</p>" },
        { "<p><img src=\"javascript:alert(1)\">图</p>", "<p>图</p>" },
        { "<p><img src=\"https://evil.example/x.png\">图</p>", "<p>图</p>" },
        { "<svg><script>alert(1)</script><text>矢量</text></svg><p>文</p>", "<p>文</p>" },
        { "<svg onload=alert(1)><p>文</p>", "<p>文</p>" },
        { "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>文</p>", "<p>文</p>" },
        { "<p style=\"width:expression(alert(1))\">文</p>", "<p>文</p>" },
        { "<p style=\"background:url(javascript:alert(1))\">文</p>", "<p>文</p>" },
        { "<p style=\"text-align:center;background:url(x.png);color:red\">文</p>", "<p style=\"text-align: center\">文</p>" },
        { "<p style=\"text-align:expression(alert(1))\">文</p>", "<p>文</p>" },
        { "<iframe src=\"https://evil.example\"></iframe><p>文</p>", "<p>文</p>" },
        { "<form action=\"https://evil.example\"><input name=q value=密码><button>提交</button>表单文字</form>", "<p>表单文字</p>" },
        { "<object data=\"x.swf\"></object><embed src=\"x.swf\"><p>文</p>", "<p>文</p>" },
        { "<p id=\"blazor-error-ui\" class=\"danger\">文</p>", "<p>文</p>" },
        { "<p><!-- 注释 -->文</p>", "<p>文</p>" },
        { "<p><blink>未知</blink><custom-tag>元素</custom-tag></p>", "<p>未知元素</p>" },
        { "<marquee>滚动</marquee>", "<p>滚动</p>" },
        { "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=\"0;url=https://evil.example\"><p>文</p>", "<p>文</p>" },
        { "<p><a href=\"https://example.org/a\" target=\"_blank\" id=\"x\">外链</a></p>", "<p><a href=\"https://example.org/a\" rel=\"noopener noreferrer\">外链</a></p>" },
        { "<p><a href=\"mailto:dw@example.org\">写信</a></p>", "<p><a href=\"mailto:dw@example.org\" rel=\"noopener noreferrer\">写信</a></p>" },
        { "<p><a href=\"#top\">页内</a></p>", "<p>页内</p>" },
        { "<p><img src=\"/attachments/7/photo.png\" alt=\"合影\" width=500 onerror=x()></p>", "<p><img src=\"/attachments/7/photo.png\" alt=\"合影\"></p>" },
        { "<h1>一级</h1><h4>四级</h4><h6>六级</h6>", "<h2>一级</h2><h3>四级</h3><h3>六级</h3>" },
        { "<p><b>粗</b><i>斜</i><s>删</s><sub>下</sub></p>", "<p><strong>粗</strong><em>斜</em>删下</p>" },
        { "<table><tr><td colspan=2 rowspan=\"3\" width=9 style=\"text-align:right\" class=x>格</td></tr></table>", "<table><tbody><tr><td colspan=\"2\" rowspan=\"3\" style=\"text-align: right\">格</td></tr></tbody></table>" },
        { "<p class=\"ql-indent-2 ql-align-center\">缩进</p>", "<p style=\"text-align: center; padding-left: 4em\">缩进</p>" },
        { "<p style=\"margin-left:42pt\">缩进</p>", "<p style=\"padding-left: 4em\">缩进</p>" },
        { "<p style=\"padding-left:200em\">缩进</p>", "<p style=\"padding-left: 16em\">缩进</p>" },
        { "<p>&nbsp;</p><p><br></p><p> </p><p>文</p>", "<p>文</p>" },
        { "<ul><li>甲</li><li></li><ul><li>乙</li></ul></ul>", "<ul><li>甲</li><li><ul><li>乙</li></ul></li></ul>" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_leaves_only_the_allowed_remains(string input, string expected)
    {
        var clean = Clean(input);

        clean.ShouldBe(expected);
        AssertInert(clean);
    }

    [Fact]
    public void Tables_nested_twenty_deep_keep_every_cell_text_and_do_not_nest()
    {
        var html = new StringBuilder();
        for (var i = 0; i < 20; i++) html.Append($"<table><tr><td>层{i}</td><td>");
        html.Append("最深");
        for (var i = 0; i < 20; i++) html.Append("</td></tr></table>");

        var clean = Clean(html.ToString());

        var body = Parse(clean);
        body.QuerySelectorAll("table").Length.ShouldBe(1);
        body.QuerySelectorAll("table table").Length.ShouldBe(0);
        var text = BodyHtml.ToPlainText(clean);
        for (var i = 0; i < 20; i++) text.ShouldContain($"层{i}");
        text.ShouldContain("最深");
        Clean(clean).ShouldBe(clean);
    }

    [Fact]
    public void Elements_nested_thousands_deep_are_flattened_to_their_text_without_exhausting_the_stack()
    {
        static string Deep(string open, string text, string close) =>
            string.Concat(Enumerable.Repeat(open, 3000)) + text + string.Concat(Enumerable.Repeat(close, 3000));
        var html = Deep("<div><span><b>", "底", "</b></span></div>") +
            "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>" + Deep("<span>", "列表", "</span>") + "</p>" +
            "<pre>" + Deep("<span>", "预排", "</span>") + "</pre>" +
            "<table><tr><td><table><tr><td>" + Deep("<div>", "嵌套", "</div>") + "</td></tr></table></td></tr></table>";

        var clean = Clean(html);

        BodyHtml.ToPlainText(clean).ShouldBe("底\n列表\n预排\n嵌套");
        AssertInert(clean);
    }

    [Fact]
    public void A_ten_thousand_cell_table_is_cleaned_in_reasonable_time_and_keeps_every_cell()
    {
        var html = new StringBuilder("<table>");
        for (var r = 0; r < 100; r++)
        {
            html.Append("<tr style='mso-yfti-irow:1'>");
            for (var c = 0; c < 100; c++) html.Append($"<td width=20 style='border:solid 1pt'><p class=MsoNormal><span style='font-family:宋体'>{r}-{c}</span></p></td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
        var watch = Stopwatch.StartNew();

        var clean = Clean(html.ToString());

        watch.Stop();
        var body = Parse(clean);
        body.QuerySelectorAll("td").Length.ShouldBe(10_000);
        body.QuerySelectorAll("td")[10_000 - 1].TextContent.ShouldBe("99-99");
        body.QuerySelectorAll("[style], span, p").Length.ShouldBe(0);
        // A generous bound on a shared, loaded machine: catches a quadratic blow-up (minutes), not a slow run.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_Word_or_WPS_paste_keeps_its_structure_and_loses_fonts_colours_mso_styles_comments_and_empty_lines()
    {
        var clean = Clean(WordClipboard.Sample);

        clean.ShouldBe(
            "<p style=\"text-align: center\"><strong>机关第一党支部党费收缴情况公示</strong></p>" +
            "<h2>一、总体情况</h2>" +
            "<p>根据党章和党费收缴有关规定，现将本季度党费收缴情况公示如下：</p>" +
            "<h2>（一）收缴要求</h2>" +
            "<ol><li><strong>按月交纳</strong>：党员应当每月交纳党费。<ul><li>特殊情况可以补交</li></ul></li><li>足额交纳：按规定基数和比例计算。</li></ol>" +
            "<h2>（二）收缴明细</h2>" +
            "<table><tbody>" +
            "<tr><td style=\"text-align: center\"><strong>项目</strong></td><td style=\"text-align: center\"><strong>人数</strong></td><td style=\"text-align: center\"><strong>金额（元）</strong></td></tr>" +
            "<tr><td>应交党费党员</td><td style=\"text-align: right\">23</td><td style=\"text-align: right\">4,386.50</td></tr>" +
            "<tr><td>已按时足额交纳</td><td style=\"text-align: right\">23</td><td style=\"text-align: right\">4,386.50</td></tr>" +
            "<tr><td colspan=\"2\" style=\"text-align: center\">上交机关党委</td><td style=\"text-align: right\">4,386.50</td></tr>" +
            "</tbody></table>" +
            "<p>欢迎党员监督。</p>" +
            "<p style=\"text-align: right\">机关第一党支部</p>");
        foreach (var leftover in new[] { "mso", "font", "color", "Mso", "o:p", "宋体", "仿宋", "xml", "file:", "[if", "党委办公室" })
            clean.ShouldNotContain(leftover);
    }

    [Fact]
    public void Word_list_paragraphs_with_Chinese_numbers_become_an_ordered_list_and_bullets_an_unordered_one()
    {
        const string html = """
            <p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>一、</span>学习</p>
            <p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>二、</span>测评</p>
            <p class=MsoNormal>间隔段落</p>
            <p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><span style='font-family:Wingdings'><span style='mso-list:Ignore'>Ø&nbsp;</span></span>要点</p>
            <p class=MsoNormal style='mso-list:l3 level1 lfo4'>（1） WPS 写的编号</p>
            """;

        Clean(html).ShouldBe("<ol><li>学习</li><li>测评</li></ol><p>间隔段落</p><ul><li>要点</li></ul><ol><li>WPS 写的编号</li></ol>");
    }

    [Theory]
    [InlineData("1.", true)]
    [InlineData("1、", true)]
    [InlineData("（一）", true)]
    [InlineData("①", true)]
    [InlineData("a.", true)]
    [InlineData("iv)", true)]
    [InlineData("·", false)]
    [InlineData("o", false)]
    [InlineData("§", false)]
    [InlineData("l", false)]
    public void A_list_marker_is_ordered_when_it_numbers(string marker, bool ordered) =>
        WordLists.IsOrdered(marker).ShouldBe(ordered);

    [Fact]
    public void Styles_written_by_editors_become_formatting_and_the_rest_of_the_style_goes()
    {
        Clean("<p><span style=\"font-weight:bold;color:red\">粗</span><span style=\"font-style:italic\">斜</span><span style=\"text-decoration:underline\">线</span><b style=\"font-weight:normal\">常</b></p>")
            .ShouldBe("<p><strong>粗</strong><em>斜</em><u>线</u>常</p>");
        Clean("<p><strong>已<b>经</b></strong><strong>加粗</strong> <strong> </strong></p>").ShouldBe("<p><strong>已经加粗</strong></p>");
    }

    [Fact]
    public void Markup_around_blocks_is_unwrapped_and_inline_text_in_the_body_gets_a_paragraph()
    {
        Clean("散字<div><div><p>段一</p>段二</div></div><section><h3>标题</h3></section>")
            .ShouldBe("<p>散字</p><p>段一</p><p>段二</p><h3>标题</h3>");
        Clean("<blockquote>引文<p>第二段</p></blockquote>").ShouldBe("<blockquote><p>引文</p><p>第二段</p></blockquote>");
        Clean("<pre>第一行\n第二行</pre><hr>").ShouldBe("<p>第一行<br>第二行</p><hr>");
    }

    [Fact]
    public void Whitespace_is_collapsed_and_a_line_break_between_Chinese_characters_disappears()
    {
        Clean("<p>  本季度\n  党费   收缴 <b> 情况 </b> 如下\r\nabc\ndef </p>").ShouldBe("<p>本季度党费 收缴 <strong>情况 </strong>如下 abc def</p>");
        Clean("<p>　　首行两个全角空格</p>").ShouldBe("<p>　　首行两个全角空格</p>");
    }

    [Fact]
    public void Quills_flat_lists_become_nested_lists_of_the_right_kind()
    {
        const string html = "<ol><li data-list=\"bullet\"><span class=\"ql-ui\" contenteditable=\"false\"></span>要点</li>" +
            "<li data-list=\"ordered\" class=\"ql-indent-1\"><span class=\"ql-ui\"></span>第一</li>" +
            "<li data-list=\"ordered\" class=\"ql-indent-1\">第二</li>" +
            "<li data-list=\"bullet\">另一要点</li></ol>";

        Clean(html).ShouldBe("<ul><li>要点<ol><li>第一</li><li>第二</li></ol></li><li>另一要点</li></ul>");
    }

    /// <summary>The two gates agree: what the rebuild writes, HtmlSanitizer lets through unchanged, so neither hides the other's gaps.</summary>
    [Fact]
    public void The_sanitizer_gate_finds_nothing_to_change_in_what_the_rebuild_writes()
    {
        var inputs = Hostile.Select(row => (string)row[0]).Append(WordClipboard.Sample);

        foreach (var input in inputs)
        {
            var rebuilt = BodyHtml.Rebuild(input, url => url == Own);
            BodyHtml.ThroughGate(rebuilt).ShouldBe(rebuilt, input);
        }
    }

    [Fact]
    public void Cleaning_is_idempotent()
    {
        var inputs = Hostile.Select(row => (string)row[0]).Append(WordClipboard.Sample)
            .Append("<ul><li><p>段</p><p>段二</p></li></ul><table><tr><td><p>甲</p><p>乙</p></td><td> <p style='text-align:center'>丙</p> </td></tr></table>")
            .Append("<p>行一<br><br>行二<br></p><p><strong><br></strong>字</p>")
            .Append("<ol><li>一<ol><li>二<ol><li>三</li></ol></li></ol></li></ol>");

        foreach (var input in inputs)
        {
            var once = Clean(input);
            Clean(once).ShouldBe(once, input);
        }
    }

    [Fact]
    public void Plain_text_puts_blocks_on_lines_and_table_cells_side_by_side()
    {
        var html = Clean(WordClipboard.Sample);

        BodyHtml.ToPlainText(html).ShouldBe("""
            机关第一党支部党费收缴情况公示
            一、总体情况
            根据党章和党费收缴有关规定，现将本季度党费收缴情况公示如下：
            （一）收缴要求
            按月交纳：党员应当每月交纳党费。
            特殊情况可以补交
            足额交纳：按规定基数和比例计算。
            （二）收缴明细
            项目 | 人数 | 金额（元）
            应交党费党员 | 23 | 4,386.50
            已按时足额交纳 | 23 | 4,386.50
            上交机关党委 | 4,386.50
            欢迎党员监督。
            机关第一党支部
            """.ReplaceLineEndings("\n"));
        BodyHtml.ToPlainText("<p>甲<br>乙</p><script>x</script>").ShouldBe("甲\n乙");
        BodyHtml.ToPlainText("").ShouldBe("");
    }

    [Theory]
    [InlineData("<p>党费收缴</p>", 4, 4)]
    [InlineData("<p>党费 收缴，共 23 人</p>", 9, 8)]
    [InlineData("<p>Party dues: 4,386.50 yuan</p>", 22, 4)]
    [InlineData("<p>&nbsp;　\t</p>", 0, 0)]
    [InlineData("<p>𠀀字</p>", 2, 2)]
    [InlineData("<table><tr><td>甲</td><td>乙</td></tr></table><p>a<br>b</p>", 4, 4)]
    public void Length_counts_non_space_characters_and_word_count_counts_like_Word(string html, int length, int words)
    {
        BodyHtml.TextLength(html).ShouldBe(length);
        BodyHtml.WordCount(html).ShouldBe(words);
    }

    /// <summary>Judged on the parsed DOM as a browser sees it.</summary>
    private static void AssertInert(string html)
    {
        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            BodyHtml.AllowedElements.ShouldContain(element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldBeOneOf("href", "rel", "src", "alt", "colspan", "rowspan", "style");
                if (attribute.Name == "style") attribute.Value.ShouldMatch(@"^(text-align: (center|right|justify))?(; )?(padding-left: \d+em)?$");
            }
            var url = new string((element.GetAttribute("href") ?? element.GetAttribute("src") ?? "").Where(c => c > ' ').ToArray());
            url.ShouldNotMatch("(?i)^(javascript|vbscript|data|file):");
            if (element.LocalName == "img") element.GetAttribute("src").ShouldBe(Own);
        }
    }
}
