using MiniExcelLibs;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Writes the member files with MiniExcel: the sample, the export (its columns import again) and the one-time list of
/// initial passwords. Every text cell goes through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
public static class MemberSpreadsheet
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Three lines for the demo bureau: a secretary with her user name, a drafter and a member whose user names are generated.</summary>
    public static byte[] Sample() => Write("成员",
    [
        Row("李红", "lihong", "机关第一党支部", "书记、党员", "13800138000", "正式"),
        Row("王强", "", "机关第一党支部", "委员、党员", "", "正式"),
        Row("赵敏", "", "机关第一党支部", "", "010-66668888", "预备"),
    ]);

    public static byte[] Export(IEnumerable<MemberExportLine> lines) => Write("成员", lines.Select(l =>
    {
        var row = Row(l.DisplayName, l.UserName, l.Organization ?? "", MemberFormat.NamesOf(l.Roles), l.Phone ?? "", MemberFormat.NameOf(l.Category));
        row[MemberFormat.State] = l.Disabled ? "停用" : "正常";
        return row;
    }));

    public static byte[] Passwords(IEnumerable<(string DisplayName, string UserName, string Organization, string Password)> accounts) =>
        Write("初始密码", accounts.Select(a => new Dictionary<string, object>
        {
            [MemberFormat.DisplayName] = SpreadsheetText.Safe(a.DisplayName),
            [MemberFormat.UserName] = a.UserName,
            [MemberFormat.Organization] = SpreadsheetText.Safe(a.Organization),
            ["初始密码"] = a.Password,
        }));

    private static Dictionary<string, object> Row(string displayName, string userName, string organization, string roles, string phone, string category) => new()
    {
        [MemberFormat.DisplayName] = SpreadsheetText.Safe(displayName),
        [MemberFormat.UserName] = SpreadsheetText.Safe(userName),
        [MemberFormat.Organization] = SpreadsheetText.Safe(organization),
        [MemberFormat.Roles] = roles,
        // Written as text, so Excel keeps a leading 0 and does not turn a mobile number into 1.38E+10.
        [MemberFormat.Phone] = SpreadsheetText.Safe(phone),
        [MemberFormat.Category] = category,
    };

    private static byte[] Write(string sheetName, IEnumerable<Dictionary<string, object>> rows)
    {
        using var output = new MemoryStream();
        output.SaveAs(rows.ToList(), sheetName: sheetName, excelType: ExcelType.XLSX);
        return output.ToArray();
    }
}
