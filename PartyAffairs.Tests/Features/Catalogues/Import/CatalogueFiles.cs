using System.Text;
using MiniExcelLibs;

namespace PartyAffairs.Tests.Features.Catalogues.Import;

/// <summary>Template files made in the test: CSV text in any encoding, and workbooks written with MiniExcel.</summary>
internal static class CatalogueFiles
{
    public const string Header = "组织,类别,事项,内容说明,公开方式,公开范围,时限,长期公开,责任人,阶段";

    /// <summary>Three good lines for TestBureau: a branch by name, a branch by code, the committee; one phased item.</summary>
    public static readonly string[] GoodLines =
    [
        "第一党支部,3,党费收缴情况,按月公开党费交纳情况,公开栏,全体党员,定期-月,否,组织委员,",
        "DYZB,党的组织建设情况,发展党员工作,发展对象的确定和公示,公开栏;会议,全体党员,阶段,否,组织委员,确定发展对象;发展对象公示",
        "机关党委,其他,党务公开工作制度,,公开栏、媒体,社会,定期-年,是,机关党委办公室,",
    ];

    public static byte[] Csv(params string[] lines) => Csv(Encoding.UTF8, bom: false, lines);

    public static byte[] Csv(Encoding encoding, bool bom, params string[] lines)
    {
        var body = encoding.GetBytes(string.Join("\r\n", lines) + "\r\n");
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. body] : body;
    }

    public static byte[] GoodCsv(bool bom = true) => Csv(Encoding.UTF8, bom, [Header, .. GoodLines]);

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A line's ten cells under the given headers (English aliases or Chinese).</summary>
    public static Dictionary<string, object> Row(string[] headers, params object[] cells) =>
        headers.Zip(cells).ToDictionary(p => p.First, p => p.Second);

    public static readonly string[] EnglishHeaders =
        ["Organization", "Category", "Title", "Description", "Channels", "Audience", "Cadence", "Standing", "Responsible", "Phases"];
}
