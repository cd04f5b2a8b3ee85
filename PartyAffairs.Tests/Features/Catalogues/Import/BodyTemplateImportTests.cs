using System.Text;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Export;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Catalogues.Import.CatalogueFiles;

namespace PartyAffairs.Tests.Features.Catalogues.Import;

/// <summary>The 正文模板 column: read as HTML or plain lines, cleaned; written by the export; carried by a clone to next year.</summary>
public sealed class BodyTemplateImportTests : IAsyncLifetime
{
    private static readonly string[] Headers = ["组织", "类别", "事项", "内容说明", "公开方式", "公开范围", "时限", "长期公开", "责任人", "阶段", "正文模板"];

    private ServiceHarness harness = default!;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("office");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static Dictionary<string, object> Line(string title, string template) =>
        Row(Headers, "第一党支部", "3", title, "", "公开栏", "本组织", "定期-季", "否", "组织委员", "", template);

    private async Task<CatalogueImportPreview> PreviewAsync(byte[] content, string fileName)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<CatalogueImportService>(scope).PreviewAsync(new MemoryStream(content), fileName);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    private async Task<Result<int>> ImportAsync(byte[] content, string fileName, int year)
    {
        await using var scope = harness.NewScope();
        return await harness.Get<CatalogueImportService>(scope).ImportAsync(year, new MemoryStream(content), fileName);
    }

    private async Task<Dictionary<string, string>> TemplatesAsync(int year)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Where(i => db.Catalogues.Any(c => c.Id == i.CatalogueId && c.Year == year))
            .ToDictionaryAsync(i => i.Title, i => i.BodyTemplate);
    }

    private async Task<byte[]> ExportXlsxAsync(int year)
    {
        await using var scope = harness.NewScope();
        var export = await harness.Get<CatalogueExportService>(scope).GetAsync(year);
        export.Succeeded.ShouldBeTrue(export.Message);
        using var output = new MemoryStream();
        CatalogueSpreadsheet.WriteXlsx(output, export.Value!.Lines, export.Value.State);
        return output.ToArray();
    }

    [Fact]
    public async Task A_template_cell_of_html_plain_lines_or_hostile_markup_is_stored_cleaned_and_an_empty_cell_is_no_template()
    {
        var file = Xlsx([
            Line("“三会一课”开展情况", "<h2>“三会一课”开展情况</h2><table><tr><th>日期</th><th>会议类型</th><th>主题</th><th>参加人数</th><th>记录人</th></tr><tr><td></td><td></td><td></td><td></td><td></td></tr></table>"),
            Line("党费收缴情况", "本季度应缴人数：\n实缴人数 < 应缴人数时说明原因 & 补缴安排\n\n备注："),
            Line("支部委员会决议", "<p onmouseover=\"steal()\">决议<script>alert(1)</script><img src=\"https://evil.example/x.png\"><a href=\"javascript:alert(1)\">链接</a></p>"),
            Line("民主评议党员", ""),
        ]);

        var result = await ImportAsync(file, "目录.xlsx", 2027);

        result.Succeeded.ShouldBeTrue(result.Message);
        var templates = await TemplatesAsync(2027);
        templates["“三会一课”开展情况"].ShouldContain("<th>记录人</th>");
        templates["“三会一课”开展情况"].ShouldStartWith("<h2>“三会一课”开展情况</h2>");
        templates["党费收缴情况"].ShouldBe("<p>本季度应缴人数：</p><p>实缴人数 &lt; 应缴人数时说明原因 &amp; 补缴安排</p><p>备注：</p>");
        var hostile = templates["支部委员会决议"];
        hostile.ShouldContain("决议");
        hostile.ShouldContain("链接");
        foreach (var gone in new[] { "script", "alert", "onmouseover", "<img", "evil.example", "javascript:" }) hostile.ShouldNotContain(gone);
        templates["民主评议党员"].ShouldBeEmpty();
    }

    [Fact]
    public async Task A_template_with_too_much_text_is_an_error_of_its_row_and_column_and_nothing_is_saved()
    {
        var file = Xlsx([Line("党费收缴情况", "<p>" + new string('字', 20_001) + "</p>")]);

        var preview = await PreviewAsync(file, "目录.xlsx");

        var error = preview.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column).ShouldBe((2, "正文模板"));
        error.Text.ShouldContain("20000");
        (await ImportAsync(file, "目录.xlsx", 2027)).Succeeded.ShouldBeFalse();
        await using var db = harness.NewDb();
        (await db.Catalogues.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_export_writes_the_templates_and_imports_again_unchanged_and_a_clone_copies_them()
    {
        (await ImportAsync(Xlsx([
            Line("“三会一课”开展情况", CatalogueTemplate.MeetingsBodyTemplate),
            Line("党费收缴情况", "应缴人数：\n实缴人数："),
            Line("民主评议党员", ""),
        ]), "目录.xlsx", 2027)).Succeeded.ShouldBeTrue();
        var original = await TemplatesAsync(2027);
        original["“三会一课”开展情况"].ShouldNotBeEmpty();

        var exported = await ExportXlsxAsync(2027);
        (await ImportAsync(exported, "2027年度党务公开目录.xlsx", 2028)).Succeeded.ShouldBeTrue();
        (await TemplatesAsync(2028)).ShouldBe(original, ignoreOrder: true);

        // The sample CSV the import dialog offers carries the column the same way.
        using var csv = new MemoryStream();
        CatalogueSpreadsheet.WriteCsv(csv, (await ExportLinesAsync(2027)));
        (await ImportAsync(csv.ToArray(), "目录.csv", 2029)).Succeeded.ShouldBeTrue();
        (await TemplatesAsync(2029)).ShouldBe(original, ignoreOrder: true);

        await using (var scope = harness.NewScope())
        {
            var cloned = await harness.Get<CatalogueImportService>(scope).CloneAsync(2027, 2030);
            cloned.Succeeded.ShouldBeTrue(cloned.Message);
        }
        (await TemplatesAsync(2030)).ShouldBe(original, ignoreOrder: true);
    }

    [Fact]
    public async Task The_sample_template_has_the_column_with_the_three_meetings_one_lesson_table_and_an_empty_row_to_fill()
    {
        using var xlsx = new MemoryStream();
        CatalogueSpreadsheet.WriteXlsx(xlsx, CatalogueTemplate.Lines, null);
        var header = Encoding.UTF8.GetString(Csv(CatalogueTemplate.Lines));
        header.ShouldContain("正文模板");

        // The sample names the demo bureau's organizations.
        await using var demo = await ServiceHarness.CreateAsync(seedDemo: true);
        await demo.SignInAsync("office");
        await using var scope = demo.NewScope();
        var imported = await demo.Get<CatalogueImportService>(scope).ImportAsync(2029, new MemoryStream(xlsx.ToArray()), "党务公开目录模板.xlsx");
        imported.Succeeded.ShouldBeTrue(imported.Message);
        await using var db = demo.NewDb();
        var templates = await db.CatalogueItems.Where(i => i.CatalogueId == imported.Value).ToDictionaryAsync(i => i.Title, i => i.BodyTemplate);
        templates.Count.ShouldBe(CatalogueTemplate.Lines.Count);
        templates.Count(t => t.Value.Length > 0).ShouldBe(1);
        var meetings = templates["“三会一课”开展情况"];
        foreach (var column in new[] { "日期", "会议类型", "主题", "参加人数", "记录人" }) meetings.ShouldContain($"<th>{column}</th>");
        meetings.ShouldContain("<td></td><td></td><td></td><td></td><td></td>");
    }

    private async Task<IReadOnlyList<CatalogueExportLine>> ExportLinesAsync(int year)
    {
        await using var scope = harness.NewScope();
        return (await harness.Get<CatalogueExportService>(scope).GetAsync(year)).Value!.Lines;
    }

    private static byte[] Csv(IEnumerable<CatalogueExportLine> lines)
    {
        using var output = new MemoryStream();
        CatalogueSpreadsheet.WriteCsv(output, lines);
        return output.ToArray();
    }
}
