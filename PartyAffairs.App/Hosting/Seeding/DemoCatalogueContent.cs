using PartyAffairs.App.Domain;
using static PartyAffairs.App.Hosting.Seeding.DemoBureau;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// The demo's annual catalogue, after the city's template (市直机关党的基层组织党务公开目录): every category of §5(一),
/// every cadence of §5(四), every channel of §5(三), spread over the bureau's organizations.
/// </summary>
internal static class DemoCatalogueContent
{
    /// <summary>One catalogue line; <see cref="Key"/> lets the seeder find the item its story needs.</summary>
    public sealed record ItemRow(string Key, string OrganizationCode, Category Category, string Title, string Description,
        Channel Channels, Audience Audience, Cadence Cadence, bool Standing, string ResponsiblePerson, string[]? Phases = null,
        string? BodyTemplate = null);

    /// <summary>The first branch's monthly 三会一课 record: the meetings of the month in a table, one empty row to fill in.</summary>
    public const string MeetingsTemplate =
        "<h2>“三会一课”开展情况（　　年　　月）</h2>"
        + "<table><thead><tr><th>日期</th><th>会议类型</th><th>主题</th><th>参加人数</th><th>记录人</th></tr></thead>"
        + "<tbody><tr><td></td><td></td><td></td><td></td><td></td></tr></tbody></table>"
        + "<p>本月应参加党员　　人，因事请假　　人，已按规定补学。</p>";

    /// <summary>The branches' quarterly 党费收缴 table: the three months of the quarter, then the total.</summary>
    public const string DuesTemplate =
        "<h2>党费收缴情况公示（　　年第　季度）</h2>"
        + "<table><thead><tr><th>月份</th><th>应缴人数</th><th>实缴人数</th><th>金额（元）</th><th>备注</th></tr></thead>"
        + "<tbody><tr><td></td><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td><td></td></tr>"
        + "<tr><td></td><td></td><td></td><td></td><td></td></tr><tr><td><strong>合计</strong></td><td></td><td></td><td></td><td></td></tr></tbody></table>"
        + "<p>党费按月交纳，交纳基数和比例符合规定。欢迎党员监督。</p>";

    public const string Decisions = "jg-decisions";
    public const string Recruitment = "jg-recruitment";
    public const string IntegrityDuty = "jw-duty";
    public const string BranchMeetings = "dy-meetings";
    public const string BranchDues = "dy-dues";
    public const string BranchResolutions = "dy-resolutions";
    public const string BranchAppraisal = "dy-appraisal";
    public const string PartyDay = "de-partyday";

    public static readonly IReadOnlyList<ItemRow> ThisYear =
    [
        new(Decisions, OrganCommittee, Category.ResolutionsAndExecution, "机关党委重大事项决策及执行情况",
            "机关党委研究决定的重大事项、重要工作部署及其执行情况，决策后及时公开。",
            Channel.Board | Channel.Meeting | Channel.Document, Audience.AllMembers, Cadence.Immediate, false, "李淑芬（机关党委副书记）"),
        new("jg-study", OrganCommittee, Category.IdeologicalBuilding, "党员理论学习计划及落实情况",
            "半年度理论学习计划，中心组学习和党员集中学习的安排、出勤与落实情况。",
            Channel.Board | Channel.Document, Audience.AllMembers, Cadence.HalfYearly, false, "孙志强（机关党委委员）"),
        new("jg-setup", OrganCommittee, Category.OrganizationalBuilding, "党组织设置及党员队伍基本情况",
            "机关党委、机关纪委和各党支部的设置与委员分工，党员数量、结构和党组织关系接转情况。",
            Channel.Board | Channel.Media, Audience.Public, Cadence.Yearly, true, "孙志强（机关党委委员）"),
        new(Recruitment, OrganCommittee, Category.OrganizationalBuilding, "发展党员工作",
            "发展党员各阶段的对象、程序和结果，逐段公示，接受党员群众监督。",
            Channel.Board | Channel.Meeting, Audience.Public, Cadence.Phased, false, "孙志强（机关党委委员）",
            ["确定入党积极分子", "确定发展对象", "接收预备党员", "预备党员转正"]),
        new("jg-rules", OrganCommittee, Category.InstitutionalBuilding, "党内制度建设及执行情况",
            "党务公开、“三会一课”、民主评议党员、党费收缴等党内制度的制定、修订与执行情况。",
            Channel.Board | Channel.Document, Audience.AllMembers, Cadence.Yearly, true, "李淑芬（机关党委副书记）"),
        new("jg-life", OrganCommittee, Category.LeadershipBuilding, "领导班子民主生活会召开及整改落实情况",
            "民主生活会的主题、征求意见情况、查摆的问题、整改措施及落实情况。",
            Channel.Meeting | Channel.Document, Audience.AllMembers, Cadence.Yearly, false, "王建国（机关党委书记）"),
        new("jg-team", OrganCommittee, Category.LeadershipBuilding, "领导班子成员分工及调整",
            "机关党委领导班子成员的分工，以及调整变动情况。",
            Channel.Board | Channel.Media, Audience.Public, Cadence.Immediate, false, "王建国（机关党委书记）"),
        new("jg-other", OrganCommittee, Category.Other, "上级党组织要求公开的其他事项",
            "上级党组织部署、需要在本局范围内公开的其他事项。",
            Channel.Board | Channel.Document, Audience.AllMembers, Cadence.Immediate, false, "李淑芬（机关党委副书记）"),

        new(IntegrityDuty, DisciplineCommittee, Category.ConductAndIntegrity, "党风廉政建设责任制落实情况",
            "党风廉政建设责任分解、检查考核和责任追究情况。",
            Channel.Board | Channel.Document, Audience.AllMembers, Cadence.HalfYearly, false, "吴海燕（机关纪委书记）"),
        new("jw-self", DisciplineCommittee, Category.ConductAndIntegrity, "党员领导干部廉洁自律情况",
            "党员领导干部执行廉洁自律规定、报告个人有关事项和述责述廉情况。",
            Channel.Meeting | Channel.Document, Audience.AllMembers, Cadence.Yearly, false, "吴海燕（机关纪委书记）"),
        new("jw-petition", DisciplineCommittee, Category.ConductAndIntegrity, "信访举报受理及办理情况",
            "受理党员群众信访举报的数量、办理进度和结果（不公开举报人信息）。",
            Channel.Board | Channel.Media, Audience.Public, Cadence.Quarterly, false, "黄伟（机关纪委委员）"),

        new(BranchMeetings, FirstBranch, Category.OrganizationalBuilding, "“三会一课”开展情况",
            "支部党员大会、支部委员会、党小组会和党课的时间、主题、出勤情况。",
            Channel.Board | Channel.Meeting, Audience.Organization, Cadence.Monthly, false, "张明（支部书记）", BodyTemplate: MeetingsTemplate),
        new(BranchDues, FirstBranch, Category.OrganizationalBuilding, "党费收缴情况",
            "党员党费缴纳基数、标准，以及收缴、上交和使用情况。",
            Channel.Board | Channel.Document, Audience.Organization, Cadence.Quarterly, false, "陈晓燕（组织委员）", BodyTemplate: DuesTemplate),
        new(BranchResolutions, FirstBranch, Category.ResolutionsAndExecution, "支部委员会决议及执行情况",
            "支部委员会作出的决议、决定及其执行进度和结果。",
            Channel.Board | Channel.Meeting, Audience.Organization, Cadence.Quarterly, false, "张明（支部书记）"),
        new(BranchAppraisal, FirstBranch, Category.OrganizationalBuilding, "民主评议党员",
            "民主评议党员的安排、程序、评议结果和不合格党员处置情况。",
            Channel.Meeting | Channel.Board, Audience.Organization, Cadence.Yearly, false, "张明（支部书记）"),

        new(PartyDay, SecondBranch, Category.IdeologicalBuilding, "主题党日活动安排",
            "每月主题党日的主题、时间、地点、参加对象与活动小结。",
            Channel.Board | Channel.Meeting, Audience.Organization, Cadence.Monthly, false, "周丽（支部书记）"),
        new("de-dues", SecondBranch, Category.OrganizationalBuilding, "党费收缴情况",
            "党员党费缴纳基数、标准，以及收缴、上交和使用情况。",
            Channel.Board | Channel.Document, Audience.Organization, Cadence.Quarterly, false, "周丽（支部书记）"),
        new("de-other", SecondBranch, Category.Other, "支部需要公开的其他事项",
            "支部委员会认为需要向本支部党员公开的其他事项。",
            Channel.Board, Audience.Organization, Cadence.Immediate, false, "周丽（支部书记）"),

        new("fl-service", WelfareHomeBranch, Category.ServiceToMembersAndMasses, "联系服务群众和志愿服务开展情况",
            "党员结对帮扶、为老志愿服务和走访服务对象家属的开展情况。",
            Channel.Board | Channel.Media, Audience.Public, Cadence.Quarterly, false, "郑卫东（支部书记）"),
        new("fl-promise", WelfareHomeBranch, Category.ServiceToMembersAndMasses, "党员服务承诺及践诺情况",
            "党员公开承诺的服务事项、践诺情况和群众评议结果。",
            Channel.Board, Audience.Public, Cadence.Yearly, true, "郑卫东（支部书记）"),

        new("jz-care", RescueStationBranch, Category.ServiceToMembersAndMasses, "困难党员帮扶和走访慰问情况",
            "困难党员、老党员的帮扶措施和走访慰问情况。",
            Channel.Board | Channel.Meeting, Audience.AllMembers, Cadence.HalfYearly, false, "何建华（支部书记）"),
        new("jz-promise", RescueStationBranch, Category.ServiceToMembersAndMasses, "救助管理服务承诺及监督电话",
            "救助服务的对象、流程、承诺时限和监督电话。",
            Channel.Board | Channel.Media, Audience.Public, Cadence.Yearly, true, "何建华（支部书记）"),
    ];

    /// <summary>Last year's smaller catalogue, there to be cloned from.</summary>
    public static readonly IReadOnlyList<string> LastYearKeys = ["jg-setup", Recruitment, BranchMeetings, BranchDues, IntegrityDuty];

    public static IEnumerable<ItemRow> LastYear => ThisYear.Where(i => LastYearKeys.Contains(i.Key));
}
