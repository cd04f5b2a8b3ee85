using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>
/// The sample template offered from the import dialog: one realistic line per cadence, for the demo
/// bureau's committee and first branch (the sample imports into the demo as it is). The 三会一课 line shows the 正文模板 column.
/// </summary>
public static class CatalogueTemplate
{
    /// <summary>The 三会一课 record table a branch fills in each quarter: the columns it keeps, and one empty row to start from.</summary>
    public const string MeetingsBodyTemplate =
        "<h2>“三会一课”开展情况（　　年第　季度）</h2>"
        + "<table><thead><tr><th>日期</th><th>会议类型</th><th>主题</th><th>参加人数</th><th>记录人</th></tr></thead>"
        + "<tbody><tr><td></td><td></td><td></td><td></td><td></td></tr></tbody></table>"
        + "<p>会议类型：支部党员大会、支部委员会、党小组会、党课。</p>";

    public static IReadOnlyList<CatalogueExportLine> Lines { get; } =
    [
        Line(new("机关第一党支部", Category.OrganizationalBuilding, "党费收缴情况", "按月公开党员党费交纳情况", Channel.Board,
            Audience.AllMembers, Cadence.Monthly, false, "支部组织委员", [])),
        Line(new("机关第一党支部", Category.OrganizationalBuilding, "“三会一课”开展情况", "每季度公开支部党员大会、支部委员会、党小组会和党课的时间、主题和出勤情况",
            Channel.Board | Channel.Meeting, Audience.Organization, Cadence.Quarterly, false, "支部书记", [], MeetingsBodyTemplate)),
        Line(new("机关党委", Category.IdeologicalBuilding, "理论学习中心组学习安排", "上半年、下半年学习计划和专题安排",
            Channel.Board | Channel.Meeting, Audience.AllMembers, Cadence.HalfYearly, false, "机关党委宣传委员", [])),
        Line(new("机关党委", Category.LeadershipBuilding, "领导班子民主生活会情况", "会议召开情况、查摆的问题及整改措施",
            Channel.Meeting | Channel.Board, Audience.AllMembers, Cadence.Yearly, false, "机关党委书记", [])),
        Line(new("机关第一党支部", Category.OrganizationalBuilding, "发展党员工作", "发展对象的确定、公示和接收预备党员情况",
            Channel.Board | Channel.Meeting, Audience.AllMembers, Cadence.Phased, false, "支部组织委员", ["确定发展对象", "发展对象公示", "接收预备党员"])),
        Line(new("机关党委", Category.ConductAndIntegrity, "党员违纪违法处理情况", "处分决定作出后及时公开", Channel.Document,
            Audience.AllMembers, Cadence.Immediate, false, "机关纪委", [])),
        Line(new("机关党委", Category.InstitutionalBuilding, "党务公开工作制度", "党务公开的内容、程序、方式等制度规定", Channel.Board | Channel.Media,
            Audience.Public, Cadence.Yearly, true, "机关党委办公室", [])),
    ];

    private static CatalogueExportLine Line(CatalogueRow row) => new(row, false);
}
