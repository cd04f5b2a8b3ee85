using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>
/// The sample template offered from the import dialog: one realistic line per cadence, for the demo
/// bureau's committee and first branch (the sample imports into the demo as it is).
/// </summary>
public static class CatalogueTemplate
{
    public static IReadOnlyList<CatalogueExportLine> Lines { get; } =
    [
        Line(new("机关第一党支部", Category.OrganizationalBuilding, "党费收缴情况", "按月公开党员党费交纳情况", Channel.Board,
            Audience.AllMembers, Cadence.Monthly, false, "支部组织委员", [])),
        Line(new("机关党委", Category.ResolutionsAndExecution, "党委会议决定事项及执行情况", "每季度公开党委会议研究决定的事项及落实进展",
            Channel.Board | Channel.Document, Audience.AllMembers, Cadence.Quarterly, false, "机关党委办公室", [])),
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
