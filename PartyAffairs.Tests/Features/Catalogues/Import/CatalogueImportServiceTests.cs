using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Export;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;
using static PartyAffairs.Tests.Features.Catalogues.Import.CatalogueFiles;

namespace PartyAffairs.Tests.Features.Catalogues.Import;

public sealed class CatalogueImportServiceTests(ITestOutputHelper output)
{
    private const int Year = 2027;

    private static async Task<(ServiceHarness Harness, TestBureau Bureau)> OfficeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("office");
        return (harness, bureau);
    }

    private static async Task<Result<int>> ImportAsync(ServiceHarness harness, byte[] content, string fileName, int year = Year)
    {
        await using var scope = harness.NewScope();
        return await harness.Get<CatalogueImportService>(scope).ImportAsync(year, new MemoryStream(content), fileName);
    }

    private static async Task<CatalogueImportPreview> PreviewAsync(ServiceHarness harness, byte[] content, string fileName)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<CatalogueImportService>(scope).PreviewAsync(new MemoryStream(content), fileName);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    private static async Task<int> CatalogueCountAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return await db.Catalogues.CountAsync();
    }

    private static async Task<Catalogue> LoadAsync(ServiceHarness harness, int year)
    {
        await using var db = harness.NewDb();
        return await db.Catalogues.Include(c => c.Items).SingleAsync(c => c.Year == year);
    }

    /// <summary>The preview names the problem, the import refuses with the same words, and no catalogue is saved.</summary>
    private static async Task<CatalogueImportPreview> RefusedAsync(ServiceHarness harness, byte[] content, string fileName, string expected)
    {
        var preview = await PreviewAsync(harness, content, fileName);
        preview.CanImport.ShouldBeFalse();
        preview.Errors.Select(e => e.Text).ShouldContain(t => t.Contains(expected), string.Join(" | ", preview.Errors.Select(e => e.Text)));

        var result = await ImportAsync(harness, content, fileName);
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldNotBeNull().ShouldContain(expected);
        (await CatalogueCountAsync(harness)).ShouldBe(0);
        return preview;
    }

    [Fact]
    public async Task A_good_CSV_creates_a_draft_catalogue_with_every_line_as_an_item_and_keeps_the_template()
    {
        var (harness, bureau) = await OfficeAsync();
        await using var _ = harness;

        var preview = await PreviewAsync(harness, GoodCsv(), "市直机关目录.csv");
        preview.Errors.ShouldBeEmpty();
        preview.Rows.Select(r => r.RowNumber).ShouldBe([2, 3, 4]);

        var result = await ImportAsync(harness, GoodCsv(), "市直机关目录.csv");

        result.Succeeded.ShouldBeTrue(result.Message);
        var catalogue = await LoadAsync(harness, Year);
        catalogue.State.ShouldBe(CatalogueState.Draft);
        catalogue.Title.ShouldBe("2027年度机关党的基层组织党务公开目录");
        catalogue.Source.ShouldBe("市直机关目录.csv");
        catalogue.Items.Count.ShouldBe(3);
        var dues = catalogue.Items.Single(i => i.Title == "党费收缴情况");
        (dues.OrganizationId, dues.Category, dues.Channels, dues.Audience, dues.Cadence, dues.Standing, dues.ResponsiblePerson)
            .ShouldBe((bureau.BranchAId, Category.OrganizationalBuilding, Channel.Board, Audience.AllMembers, Cadence.Monthly, false, "组织委员"));
        var development = catalogue.Items.Single(i => i.Title == "发展党员工作");
        development.OrganizationId.ShouldBe(bureau.BranchAId);
        development.Channels.ShouldBe(Channel.Board | Channel.Meeting);
        development.Phases.ShouldBe(["确定发展对象", "发展对象公示"]);
        var rules = catalogue.Items.Single(i => i.Title == "党务公开工作制度");
        (rules.OrganizationId, rules.Category, rules.Channels, rules.Audience, rules.Standing)
            .ShouldBe((bureau.CommitteeId, Category.Other, Channel.Board | Channel.Media, Audience.Public, true));

        var template = CatalogueRow.ListFromJson(catalogue.TemplateJson);
        template.Select(r => (r.Organization, r.Title)).ShouldBe([("第一党支部", "党费收缴情况"), ("第一党支部", "发展党员工作"), ("机关党委", "党务公开工作制度")]);
    }

    [Fact]
    public async Task A_good_XLSX_with_English_headers_and_numeric_categories_imports_the_same()
    {
        var (harness, bureau) = await OfficeAsync();
        await using var _ = harness;
        var content = Xlsx(
        [
            Row(EnglishHeaders, "第二党支部", 6, "困难党员帮扶", "帮扶对象和金额", "公开栏", "本组织", "定期-半年", "否", "支部书记", ""),
            Row(EnglishHeaders, "DEZB", 7, "廉政谈话情况", "", "会议", "全体党员", "定期-季", "否", "纪检委员", ""),
        ]);

        var result = await ImportAsync(harness, content, "template.xlsx");

        result.Succeeded.ShouldBeTrue(result.Message);
        var catalogue = await LoadAsync(harness, Year);
        catalogue.Items.Select(i => (i.OrganizationId, i.Category, i.Cadence, i.Audience)).OrderBy(i => i.Category).ShouldBe(
        [
            (bureau.BranchBId, Category.ServiceToMembersAndMasses, Cadence.HalfYearly, Audience.Organization),
            (bureau.BranchBId, Category.ConductAndIntegrity, Cadence.Quarterly, Audience.AllMembers),
        ]);
        CatalogueRow.ListFromJson(catalogue.TemplateJson).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_GBK_file_is_refused_as_not_UTF8_rather_than_guessed()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Csv(Encoding.GetEncoding(936), bom: false, [Header, .. GoodLines]);

        await RefusedAsync(harness, gbk, "gbk.csv", "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”");
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var content = Csv("组织,类别,事项,内容说明,公开方式,公开范围,长期公开,责任人", "第一党支部,3,党费收缴情况,,公开栏,全体党员,否,组织委员");

        var preview = await RefusedAsync(harness, content, "no-cadence.csv", "第 1 行「时限」：缺少必需的列「时限」");
        preview.Errors.Single().Column.ShouldBe("时限");
    }

    [Theory]
    [InlineData("第九党支部,3,党费收缴情况,,公开栏,全体党员,定期-月,否,组织委员,", "第 2 行「组织」：找不到组织“第九党支部”")]
    [InlineData("第一党支部,9,党费收缴情况,,公开栏,全体党员,定期-月,否,组织委员,", "第 2 行「类别」：“9”不是有效的类别")]
    [InlineData("第一党支部,党的宣传工作,党费收缴情况,,公开栏,全体党员,定期-月,否,组织委员,", "第 2 行「类别」：“党的宣传工作”不是有效的类别")]
    [InlineData("第一党支部,3,党费收缴情况,,公开栏,全体党员,每周,否,组织委员,", "第 2 行「时限」：“每周”不是有效的时限")]
    [InlineData("第一党支部,3,党费收缴情况,,广播,全体党员,定期-月,否,组织委员,", "第 2 行「公开方式」：“广播”不是有效的公开方式")]
    [InlineData("第一党支部,3,党费收缴情况,,公开栏,部分党员,定期-月,否,组织委员,", "第 2 行「公开范围」：“部分党员”不是有效的公开范围")]
    [InlineData("第一党支部,3,发展党员工作,,公开栏,全体党员,阶段,否,组织委员,", "第 2 行「阶段」：时限为“阶段”的事项须填写阶段名称")]
    [InlineData("第一党支部,3,,,公开栏,全体党员,定期-月,否,组织委员,", "第 2 行「事项」：不能为空")]
    public async Task A_bad_cell_is_named_by_row_and_column_and_nothing_is_saved(string line, string expected)
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;

        var preview = await RefusedAsync(harness, Csv(Header, line, GoodLines[2]), "bad.csv", expected);

        // The good line is still shown in the preview; only the bad one is marked.
        preview.Rows.Select(r => r.IsValid).ShouldBe([false, true]);
    }

    [Fact]
    public async Task A_duplicate_item_is_an_error_on_the_later_line()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        // DYZB is the code of 第一党支部: the same item under another spelling of the same organization.
        var content = Csv(Header, GoodLines[0], GoodLines[2], "DYZB,7,党费收缴情况,,公开栏,全体党员,定期-季,否,纪检委员,");

        var preview = await RefusedAsync(harness, content, "dup.csv", "第 4 行「事项」：组织“第一党支部”的事项“党费收缴情况”重复（与第 2 行相同）");
        preview.Errors.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_file_and_a_header_only_file_say_so()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;

        await RefusedAsync(harness, [], "empty.csv", "文件是空的");
        await RefusedAsync(harness, Csv(Header), "header.csv", "文件只有表头，没有目录事项");
        await RefusedAsync(harness, Xlsx([]), "empty.xlsx", "文件是空的");
    }

    [Fact]
    public async Task A_damaged_workbook_and_an_unknown_file_type_are_refused_with_a_message()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;

        await RefusedAsync(harness, GoodCsv(), "renamed.xlsx", "无法读取 Excel 文件“renamed.xlsx”");
        await RefusedAsync(harness, GoodCsv(), "catalogue.txt", "不支持文件“catalogue.txt”的类型");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(20)]
    public async Task A_file_over_5_MB_is_refused_before_it_is_read(int megabytes)
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var line = Encoding.UTF8.GetBytes(GoodLines[0] + "\r\n");
        var content = new byte[megabytes * 1024 * 1024];
        for (var i = 0; i + line.Length <= content.Length; i += line.Length) line.CopyTo(content, i);

        await RefusedAsync(harness, content, "big.csv", "文件过大，最大 5 MB");
    }

    [Fact]
    public async Task Ten_thousand_rows_are_refused_as_too_many_and_the_parse_and_check_time_is_reported()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var lines = Enumerable.Range(1, 10_000).Select(i => $"第一党支部,3,事项{i},内容说明{i},公开栏;会议,全体党员,定期-季,否,组织委员,");
        var content = Csv(Encoding.UTF8, bom: true, [Header, .. lines]);
        output.WriteLine($"10,000-row CSV: {content.Length / 1024} KB");

        var clock = Stopwatch.StartNew();
        await RefusedAsync(harness, content, "huge.csv", "行数过多（10000 行），最多 2000 行");
        output.WriteLine($"Preview + refused import of 10,000 rows: {clock.ElapsedMilliseconds} ms");

        // Without the limit: read and validate all 10,000 lines, to know what the limit saves.
        var text = harness.Services.GetRequiredService<IStringLocalizer<CatalogueImportStrings>>();
        var analyzer = new CatalogueImportAnalyzer(text, new OrganizationLookup([(1, "第一党支部", "DYZB")]));
        clock.Restart();
        var preview = analyzer.Analyse(content, "huge.csv", int.MaxValue);
        output.WriteLine($"Parse + validate 10,000 CSV rows: {clock.ElapsedMilliseconds} ms");
        preview.Rows.Count.ShouldBe(10_000);
        preview.Errors.ShouldBeEmpty();

        var workbook = Xlsx(Enumerable.Range(1, 10_000).Select(i => Row(EnglishHeaders, "第一党支部", 3, $"事项{i}", "", "公开栏", "全体党员", "定期-季", "否", "组织委员", "")));
        clock.Restart();
        analyzer.Analyse(workbook, "huge.xlsx", int.MaxValue).Rows.Count.ShouldBe(10_000);
        output.WriteLine($"Parse + validate 10,000 XLSX rows: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Formula_like_cells_are_kept_as_text_and_exported_neutralised()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var content = Csv(Header,
            "第一党支部,3,=HYPERLINK(\"http://evil\"),+1+2,公开栏,全体党员,定期-月,否,@SUM(A1),",
            "第一党支部,3,-党员名册,,公开栏,全体党员,定期-月,否,组织委员,");
        (await ImportAsync(harness, content, "formula.csv")).Succeeded.ShouldBeTrue();
        var catalogue = await LoadAsync(harness, Year);
        catalogue.Items.Select(i => i.Title).Order().ShouldBe(["-党员名册", "=HYPERLINK(\"http://evil\")"]);

        var exported = await ExportAsync(harness, Year);
        var cells = ReadCells(exported);
        cells.Select(r => (string)r["事项"]!).Order().ShouldBe(["'-党员名册", "'=HYPERLINK(\"http://evil\")"]);
        cells.ShouldContain(r => (string)r["内容说明"]! == "'+1+2" && (string)r["责任人"]! == "'@SUM(A1)");
        cells.SelectMany(r => r.Values).OfType<string>().ShouldAllBe(v => v.Length == 0 || "=+-@".IndexOf(v[0]) < 0);
    }

    [Fact]
    public async Task The_export_reads_back_to_the_same_rows_with_each_item_state()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        (await ImportAsync(harness, GoodCsv(), "good.csv")).Succeeded.ShouldBeTrue();
        var template = (await LoadAsync(harness, Year)).TemplateJson;

        var exported = await ExportAsync(harness, Year);

        ReadCells(exported).Select(r => (string)r["状态"]!).ShouldAllBe(s => s == "草稿");
        var readBack = await PreviewAsync(harness, exported, "export.xlsx");
        readBack.Errors.ShouldBeEmpty();
        // The export is in the bureau's order (organization, category), the template in the file's.
        CatalogueRow.ToJson(readBack.ValidRows.OrderBy(r => r.Title)).ShouldBe(CatalogueRow.ToJson(CatalogueRow.ListFromJson(template).OrderBy(r => r.Title)));
    }

    [Fact]
    public async Task The_sample_template_imports_into_the_demo_bureau_in_both_formats()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        await harness.SignInAsync("office");
        using var xlsx = new MemoryStream();
        CatalogueSpreadsheet.WriteXlsx(xlsx, CatalogueTemplate.Lines, null);
        using var csv = new MemoryStream();
        CatalogueSpreadsheet.WriteCsv(csv, CatalogueTemplate.Lines);
        csv.ToArray().Take(3).ShouldBe(Encoding.UTF8.GetPreamble());

        var fromCsv = await PreviewAsync(harness, csv.ToArray(), "模板.csv");
        fromCsv.Errors.ShouldBeEmpty();
        fromCsv.Rows.Select(r => r.Row!.Cadence).Distinct().Count().ShouldBe(Enum.GetValues<Cadence>().Length);
        var result = await ImportAsync(harness, xlsx.ToArray(), "模板.xlsx", 2028);
        result.Succeeded.ShouldBeTrue(result.Message);
        (await LoadAsync(harness, 2028)).Items.Count.ShouldBe(CatalogueTemplate.Lines.Count);
    }

    [Fact]
    public async Task A_secretary_may_neither_preview_nor_import_nor_clone()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await bureau.CatalogueAsync(2026, CatalogueState.InForce, new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, []));
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueImportService>(scope);

        (await service.PreviewAsync(new MemoryStream(GoodCsv()), "good.csv")).Status.ShouldBe(ResultStatus.Forbidden);
        (await service.ImportAsync(Year, new MemoryStream(GoodCsv()), "good.csv")).Status.ShouldBe(ResultStatus.Forbidden);
        (await service.CloneAsync(2026, Year)).Status.ShouldBe(ResultStatus.Forbidden);
        (await CatalogueCountAsync(harness)).ShouldBe(1);
    }

    [Fact]
    public async Task A_year_that_has_a_catalogue_is_refused_for_import()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        (await ImportAsync(harness, GoodCsv(), "good.csv")).Succeeded.ShouldBeTrue();

        var again = await ImportAsync(harness, GoodCsv(), "good.csv");

        again.Status.ShouldBe(ResultStatus.Invalid);
        again.Message.ShouldBe("2027 年度已有公开目录，不能再创建");
        (await CatalogueCountAsync(harness)).ShouldBe(1);
    }

    [Fact]
    public async Task Clone_copies_last_years_items_in_use_builds_a_template_from_them_and_refuses_an_existing_year()
    {
        var (harness, bureau) = await OfficeAsync();
        await using var __ = harness;
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Phased, Audience.Organization, []),
            new PlannedItem(bureau.BranchBId, "党费收缴情况", Cadence.Yearly, Audience.AllMembers, [], Category.Other),
            new PlannedItem(bureau.CommitteeId, "已撤销的事项", Cadence.Yearly, Audience.Public, []));
        await using (var db = harness.NewDb())
        {
            (await db.CatalogueItems.Include(i => i.Occurrences).SingleAsync(i => i.Title == "已撤销的事项")).Retire();
            await db.SaveChangesAsync();
        }
        await using var scope = harness.NewScope();
        var service = harness.Get<CatalogueImportService>(scope);

        var result = await service.CloneAsync(2026, Year);

        result.Succeeded.ShouldBeTrue(result.Message);
        var clone = await LoadAsync(harness, Year);
        clone.State.ShouldBe(CatalogueState.Draft);
        clone.Source.ShouldBe("复制自 2026 年度目录");
        clone.Items.Select(i => (i.OrganizationId, i.Title, i.Cadence, i.Category)).OrderBy(i => i.Title).ShouldBe(
            [(bureau.BranchBId, "党费收缴情况", Cadence.Yearly, Category.Other), (bureau.BranchAId, "支部党员大会", Cadence.Phased, Category.OrganizationalBuilding)]);
        clone.Items.Single(i => i.Title == "支部党员大会").Phases.ShouldBe(["第一阶段"]);
        CatalogueRow.ListFromJson(clone.TemplateJson).Select(r => r.Title).Order().ShouldBe(["党费收缴情况", "支部党员大会"]);

        var again = await service.CloneAsync(2026, Year);
        again.Status.ShouldBe(ResultStatus.Invalid);
        again.Message.ShouldBe("2027 年度已有公开目录，不能再创建");
        (await service.CloneAsync(2020, 2029)).Message.ShouldBe("2020 年度没有公开目录可供复制");
        (await CatalogueCountAsync(harness)).ShouldBe(2);
    }

    [Fact]
    public async Task Clone_carries_an_imported_template_forward()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        (await ImportAsync(harness, GoodCsv(), "good.csv")).Succeeded.ShouldBeTrue();
        await using var scope = harness.NewScope();

        (await harness.Get<CatalogueImportService>(scope).CloneAsync(Year, Year + 1)).Succeeded.ShouldBeTrue();

        (await LoadAsync(harness, Year + 1)).TemplateJson.ShouldBe((await LoadAsync(harness, Year)).TemplateJson);
    }

    [Fact]
    public async Task A_pure_admin_may_not_export()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        (await ImportAsync(harness, GoodCsv(), "good.csv")).Succeeded.ShouldBeTrue();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        (await harness.Get<CatalogueExportService>(scope).GetAsync(Year)).Status.ShouldBe(ResultStatus.Forbidden);
    }

    private static async Task<byte[]> ExportAsync(ServiceHarness harness, int year)
    {
        await using var scope = harness.NewScope();
        var export = await harness.Get<CatalogueExportService>(scope).GetAsync(year);
        export.Succeeded.ShouldBeTrue(export.Message);
        using var stream = new MemoryStream();
        CatalogueSpreadsheet.WriteXlsx(stream, export.Value!.Lines, export.Value.State);
        return stream.ToArray();
    }

    private static List<IDictionary<string, object?>> ReadCells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }

    private static async Task<CatalogueImportPreview> PreviewForYearAsync(ServiceHarness harness, byte[] content, string fileName, int year)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<CatalogueImportService>(scope).PreviewAsync(new MemoryStream(content), fileName, year);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    private static async Task<Result<int>> ReplaceAsync(ServiceHarness harness, byte[] content, string fileName, int year = Year)
    {
        await using var scope = harness.NewScope();
        return await harness.Get<CatalogueImportService>(scope).ImportAsync(year, new MemoryStream(content), fileName, replaceDraft: true);
    }

    [Fact]
    public async Task The_preview_offers_to_replace_a_draft_of_the_year_and_replacing_swaps_it_in_one_step()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var first = await ImportAsync(harness, Csv(Header, GoodLines[0]), "初稿.csv");
        first.Succeeded.ShouldBeTrue(first.Message);

        var preview = await PreviewForYearAsync(harness, GoodCsv(), "定稿.csv", Year);
        preview.ReplacesDraft.ShouldBeTrue();
        preview.YearTaken.ShouldBeFalse();
        (await PreviewForYearAsync(harness, GoodCsv(), "定稿.csv", Year + 1)).ExistingState.ShouldBeNull();
        // Without saying so, the draft is not replaced.
        (await ImportAsync(harness, GoodCsv(), "定稿.csv")).Message.ShouldBe("2027 年度已有公开目录，不能再创建");

        var replaced = await ReplaceAsync(harness, GoodCsv(), "定稿.csv");

        replaced.Succeeded.ShouldBeTrue(replaced.Message);
        var catalogue = await LoadAsync(harness, Year);
        catalogue.Id.ShouldBe(replaced.Value);
        (catalogue.Source, catalogue.Items.Count).ShouldBe(("定稿.csv", 3));
        await using var db = harness.NewDb();
        (await db.CatalogueItems.CountAsync()).ShouldBe(3);
        var discard = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Catalogue) && a.Action == WorkflowAction.Discard);
        (discard.EntityId, discard.Reason).ShouldBe((first.Value, "由导入的文件 定稿.csv 替换"));
    }

    [Fact]
    public async Task A_year_past_draft_is_refused_in_the_preview_and_never_replaced()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await bureau.CatalogueAsync(Year, CatalogueState.InForce, new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, []));
        await harness.SignInAsync("office");

        var preview = await PreviewForYearAsync(harness, GoodCsv(), "good.csv", Year);
        preview.YearTaken.ShouldBeTrue();
        preview.ReplacesDraft.ShouldBeFalse();

        var replaced = await ReplaceAsync(harness, GoodCsv(), "good.csv");
        replaced.Status.ShouldBe(ResultStatus.Invalid);
        replaced.Message.ShouldBe("只有草稿状态的目录可以放弃");
        (await LoadAsync(harness, Year)).Items.Single().Title.ShouldBe("支部党员大会");
    }

    [Fact]
    public async Task An_unknown_organization_is_reported_once_with_its_lines_and_the_names_in_use()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var content = Csv(Header,
            "第九党支部,3,党费收缴情况,,公开栏,全体党员,定期-月,否,组织委员,",
            GoodLines[2],
            "第九党支部,3,组织生活会,,公开栏,全体党员,定期-年,否,组织委员,");

        var preview = await PreviewAsync(harness, content, "unknown.csv");

        preview.Errors.Select(e => e.Text).ShouldBe([
            "第 2 行「组织」：找不到组织“第九党支部”（第 2、4 行）；应为在用组织的名称或代码：机关党委、第一党支部、第二党支部"]);
        preview.Rows.Select(r => r.IsValid).ShouldBe([false, true, false]);
    }

    [Fact]
    public async Task An_unknown_header_is_named()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var content = Csv("组织,类别,事项,内容说明,公开方式,公开范围,期限,长期公开,责任人,阶段", "第一党支部,3,党费收缴情况,,公开栏,全体党员,定期-月,否,组织委员,");

        var preview = await RefusedAsync(harness, content, "typo.csv", "未知的列「期限」");

        preview.Errors.Select(e => e.Text).ShouldBe(["第 1 行「时限」：缺少必需的列「时限」", "第 1 行「期限」：未知的列「期限」"]);
    }

    [Fact]
    public async Task The_preview_names_each_category_as_the_bureau_does_whether_the_file_numbers_it_or_not()
    {
        var (harness, _) = await OfficeAsync();
        await using var __ = harness;
        var content = Csv(Header, GoodLines[0], GoodLines[1], "第一党支部,9,组织生活会,,公开栏,全体党员,定期-年,否,组织委员,");

        var preview = await PreviewAsync(harness, content, "numbered.csv");

        // Line 2 says 3, line 3 the name; a bad category stays as written, beside its error.
        preview.Rows.Select(r => r.CategoryName).ShouldBe(["党的组织建设情况", "党的组织建设情况", "9"]);
        preview.Rows[0].Cells.Description.ShouldBe("按月公开党费交纳情况");
    }
}
