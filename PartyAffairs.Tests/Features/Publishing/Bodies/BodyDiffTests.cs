using AngleSharp.Html.Parser;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

public sealed class BodyDiffTests
{
    private const string Dues = "<h2>党费收缴情况公示</h2><p>现将本季度党费收缴情况公示如下：</p>" +
        "<ol><li>按月交纳</li><li>足额交纳</li></ol>" +
        "<table><tbody><tr><td>项目</td><td>人数</td></tr><tr><td>应交党费党员</td><td>23</td></tr><tr><td>已交纳</td><td>23</td></tr></tbody></table>" +
        "<p>欢迎党员监督。</p>";

    [Fact]
    public void Identical_bodies_have_no_changes_even_when_their_markup_differs()
    {
        BodyDiff.Between(Dues, Dues).HasChanges.ShouldBeFalse();
        BodyDiff.Between("<p>欢迎<strong>党员</strong>监督。</p>", "<p style=\"text-align: center\">欢迎党员监督。</p>").HasChanges.ShouldBeFalse();
        BodyDiff.Between("", "").Blocks.ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_word_in_a_paragraph_shows_only_the_changed_characters()
    {
        var diff = BodyDiff.Between(Dues, Dues.Replace("本季度", "本月度"));

        var changed = diff.Blocks.Single(b => b.Kind != BodyChange.Unchanged);
        changed.Kind.ShouldBe(BodyChange.Modified);
        changed.Type.ShouldBe(BodyBlockKind.Paragraph);
        changed.Text.ShouldBe([
            new DiffSpan(BodyChange.Unchanged, "现将本"), new DiffSpan(BodyChange.Removed, "季"), new DiffSpan(BodyChange.Added, "月"),
            new DiffSpan(BodyChange.Unchanged, "度党费收缴情况公示如下："),
        ]);
        diff.Blocks.Count(b => b.Kind == BodyChange.Unchanged).ShouldBe(diff.Blocks.Count - 1);
    }

    [Fact]
    public void A_changed_Latin_word_is_compared_whole()
    {
        var diff = BodyDiff.Between("<p>Meeting on Monday at 9</p>", "<p>Meeting on Tuesday at 9</p>");

        diff.Blocks.Single().Text.ShouldBe([
            new DiffSpan(BodyChange.Unchanged, "Meeting on "), new DiffSpan(BodyChange.Removed, "Monday"), new DiffSpan(BodyChange.Added, "Tuesday"),
            new DiffSpan(BodyChange.Unchanged, " at 9"),
        ]);
    }

    [Fact]
    public void An_added_list_item_is_one_added_block()
    {
        var diff = BodyDiff.Between(Dues, Dues.Replace("<li>足额交纳</li>", "<li>足额交纳</li><li>按时上交</li>"));

        var changed = diff.Blocks.Where(b => b.Kind != BodyChange.Unchanged).ToList();
        changed.Count.ShouldBe(1);
        changed[0].Kind.ShouldBe(BodyChange.Added);
        changed[0].Type.ShouldBe(BodyBlockKind.ListItem);
        changed[0].Text.ShouldBe([new DiffSpan(BodyChange.Added, "按时上交")]);
    }

    [Fact]
    public void A_changed_table_cell_is_shown_old_and_new_and_the_rest_of_the_table_unchanged()
    {
        var diff = BodyDiff.Between(Dues, Dues.Replace("<td>已交纳</td><td>23</td>", "<td>已交纳</td><td>22</td>"));

        var table = diff.Blocks.Single(b => b.Type == BodyBlockKind.Table);
        table.Kind.ShouldBe(BodyChange.Modified);
        table.Rows.Select(r => r.Kind).ShouldBe([BodyChange.Unchanged, BodyChange.Unchanged, BodyChange.Modified]);
        table.Rows[2].Cells.ShouldBe([new CellDiff(BodyChange.Unchanged, "已交纳", "已交纳"), new CellDiff(BodyChange.Modified, "23", "22")]);
        diff.Blocks.Count(b => b.Kind != BodyChange.Unchanged).ShouldBe(1);
    }

    [Fact]
    public void An_added_table_row_is_an_added_row()
    {
        var diff = BodyDiff.Between(Dues, Dues.Replace("</tbody></table>", "<tr><td>上交</td><td>23</td></tr></tbody></table>"));

        var table = diff.Blocks.Single(b => b.Type == BodyBlockKind.Table);
        table.Rows.Select(r => r.Kind).ShouldBe([BodyChange.Unchanged, BodyChange.Unchanged, BodyChange.Unchanged, BodyChange.Added]);
        table.Rows[3].Cells.ShouldBe([new CellDiff(BodyChange.Added, null, "上交"), new CellDiff(BodyChange.Added, null, "23")]);
    }

    [Fact]
    public void A_rewritten_paragraph_reads_as_old_then_new_rather_than_scattered_characters()
    {
        var diff = BodyDiff.Between("<p>会议定于下周召开。</p>", "<p>请各党支部按时报送材料。</p>");

        diff.Blocks.Single().Text.ShouldBe([new DiffSpan(BodyChange.Removed, "会议定于下周召开。"), new DiffSpan(BodyChange.Added, "请各党支部按时报送材料。")]);
    }

    [Fact]
    public void Removed_and_added_blocks_keep_the_order_of_the_document()
    {
        var diff = BodyDiff.Between("<p>甲</p><h2>乙</h2><p>丙</p>", "<p>甲</p><p>丁</p><p>丙</p>");

        diff.Blocks.Select(b => (b.Kind, b.Type)).ShouldBe([
            (BodyChange.Unchanged, BodyBlockKind.Paragraph), (BodyChange.Removed, BodyBlockKind.Heading),
            (BodyChange.Added, BodyBlockKind.Paragraph), (BodyChange.Unchanged, BodyBlockKind.Paragraph),
        ]);
    }

    [Fact]
    public void The_HTML_rendering_marks_changes_with_ins_and_del_and_is_itself_safe()
    {
        var before = "<p>见附件一</p><table><tbody><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr></tbody></table>";
        var after = "<p>见附件二&lt;b&gt;</p><table><tbody><tr><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></tbody></table>";

        var html = BodyDiff.Between(before, after).ToHtml();

        html.ShouldBe("<div class=\"body-diff\"><p class=\"body-diff-modified\">见附件<del>一</del><ins>二&lt;b&gt;</ins></p>" +
            "<table><tbody><tr class=\"body-diff-modified\"><td><del>&lt;script&gt;alert(1)&lt;/script&gt;</del><ins>&lt;img src=x onerror=alert(1)&gt;</ins></td></tr></tbody></table></div>");
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("script, img, b").Length.ShouldBe(0);
        document.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).Distinct().ShouldBe(["class"]);
    }
}
