using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// Who is who in the demo bureau: the organizations of §4, the people who sign in, and the leading group of §6(一).
/// Plain tables, read by <see cref="DemoSeeder"/>.
/// </summary>
internal static class DemoBureau
{
    public const string OrganCommittee = "JGDW";
    public const string DisciplineCommittee = "JGJW";
    public const string FirstBranch = "DYZB";
    public const string SecondBranch = "DEZB";
    public const string WelfareHomeBranch = "FLY";
    public const string RescueStationBranch = "JZZ";

    public sealed record OrganizationRow(string Code, string Name, OrganizationKind Kind, int SortOrder);

    public static readonly IReadOnlyList<OrganizationRow> Organizations =
    [
        new(OrganCommittee, "机关党委", OrganizationKind.OrganPartyCommittee, 0),
        new(DisciplineCommittee, "机关纪委", OrganizationKind.DisciplineCommittee, 1),
        new(FirstBranch, "机关第一党支部", OrganizationKind.Branch, 2),
        new(SecondBranch, "机关第二党支部", OrganizationKind.Branch, 3),
        new(WelfareHomeBranch, "社会福利院党支部", OrganizationKind.Branch, 4),
        new(RescueStationBranch, "救助管理站党支部", OrganizationKind.Branch, 5),
    ];

    /// <summary>
    /// A demo account. Everyone but the administrator is also a party member (Member role). <see cref="Besides"/>: posts held
    /// in other organizations (兼任), as (organization code, role).
    /// </summary>
    public sealed record PersonRow(string UserName, string DisplayName, string Post, string? OrganizationCode, string Role,
        IReadOnlyList<(string OrganizationCode, string Role)>? Besides = null);

    public static readonly IReadOnlyList<PersonRow> People =
    [
        new("admin", "系统管理员", "系统管理员", null, Roles.Admin),
        new("leader", "王建国", "机关党委书记", OrganCommittee, Roles.Leader),
        new("office", "李淑芬", "机关党委副书记兼领导小组办公室主任", OrganCommittee, Roles.Office),
        new("secretary", "张明", "机关第一党支部书记", FirstBranch, Roles.Secretary),
        new("drafter", "陈晓燕", "机关第一党支部组织委员", FirstBranch, Roles.Drafter),
        new("handler", "赵刚", "机关党委意见反馈专办员", OrganCommittee, Roles.FeedbackHandler),
        new("member", "刘洋", "机关第一党支部党员", FirstBranch, Roles.Member),
        new("secretary2", "周丽", "机关第二党支部书记", SecondBranch, Roles.Secretary),
        // One person, two posts: secretary of her own branch, and the drafter of another besides.
        new("secretary3", "郑卫东", "社会福利院党支部书记，兼救助管理站党支部组织委员", WelfareHomeBranch, Roles.Secretary,
            [(RescueStationBranch, Roles.Drafter)]),
    ];

    /// <summary>A seat in the leading group; <see cref="UserName"/> links the seat to a demo account where there is one.</summary>
    public sealed record SeatRow(string PersonName, string Post, LeadingGroupPosition Position, string? UserName);

    /// <summary>§6(一): the organ committee's secretary leads, the deputy secretary deputizes and directs the office; committee members and branch secretaries sit as members.</summary>
    public static readonly IReadOnlyList<SeatRow> LeadingGroup =
    [
        new("王建国", "机关党委书记", LeadingGroupPosition.Leader, "leader"),
        new("李淑芬", "机关党委副书记", LeadingGroupPosition.DeputyLeader, "office"),
        new("孙志强", "机关党委委员", LeadingGroupPosition.Member, null),
        new("吴海燕", "机关纪委书记", LeadingGroupPosition.Member, null),
        new("黄伟", "机关纪委委员", LeadingGroupPosition.Member, null),
        new("张明", "机关第一党支部书记", LeadingGroupPosition.Member, "secretary"),
        new("周丽", "机关第二党支部书记", LeadingGroupPosition.Member, "secretary2"),
        new("郑卫东", "社会福利院党支部书记", LeadingGroupPosition.Member, null),
        new("何建华", "救助管理站党支部书记", LeadingGroupPosition.Member, null),
        new("李淑芬", "机关党委副书记（兼任办公室主任）", LeadingGroupPosition.OfficeDirector, "office"),
    ];
}
