using System.Text.RegularExpressions;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// The member list's file format: its Chinese column headers (English aliases accepted on import) and how each
/// cell is written. These words are the format itself, the same in every language of the app, so a file exported
/// here imports again with the same columns.
/// </summary>
public static partial class MemberFormat
{
    public const string DisplayName = "姓名";
    public const string UserName = "用户名";
    public const string Organization = "组织";
    public const string Roles = "角色";
    public const string Phone = "手机";
    public const string Category = "党员类别";
    /// <summary>Written by the export; read back without complaint and ignored.</summary>
    public const string State = "状态";

    public static readonly IReadOnlyList<string> Columns = [DisplayName, UserName, Organization, Roles, Phone, Category];

    public static readonly IReadOnlyList<string> RequiredColumns = [DisplayName, Organization];

    /// <summary>The most data lines one file may hold: a bureau's membership, with room to spare.</summary>
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [DisplayName] = DisplayName, ["Name"] = DisplayName, ["DisplayName"] = DisplayName,
        [UserName] = UserName, ["UserName"] = UserName, ["User name"] = UserName, ["账号"] = UserName,
        [Organization] = Organization, ["Organization"] = Organization, ["所在组织"] = Organization,
        [Roles] = Roles, ["职务"] = Roles, ["职务/角色"] = Roles, ["Role"] = Roles, ["Roles"] = Roles,
        [Phone] = Phone, ["手机号"] = Phone, ["电话"] = Phone, ["Phone"] = Phone, ["Mobile"] = Phone,
        [Category] = Category, ["Category"] = Category, ["Member category"] = Category,
    };

    /// <summary>The name each role is written with on export (and the first one accepted on import).</summary>
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [Domain.Roles.Secretary] = "书记",
        [Domain.Roles.Drafter] = "起草人",
        [Domain.Roles.Member] = "党员",
        [Domain.Roles.FeedbackHandler] = "意见反馈处理人",
        [Domain.Roles.Leader] = "领导小组成员",
        [Domain.Roles.Office] = "领导小组办公室",
        [Domain.Roles.Admin] = "系统管理员",
    };

    /// <summary>What a file may write for a role: the export's names, the posts people say (委员 drafts), and the code names.</summary>
    private static readonly Dictionary<string, string> RoleAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["书记"] = Domain.Roles.Secretary, ["支部书记"] = Domain.Roles.Secretary, ["党委书记"] = Domain.Roles.Secretary,
        ["委员"] = Domain.Roles.Drafter, ["起草人"] = Domain.Roles.Drafter, ["组织委员"] = Domain.Roles.Drafter, ["宣传委员"] = Domain.Roles.Drafter,
        ["党员"] = Domain.Roles.Member,
        ["意见反馈处理人"] = Domain.Roles.FeedbackHandler, ["反馈处理人"] = Domain.Roles.FeedbackHandler,
        ["领导小组成员"] = Domain.Roles.Leader, ["领导小组"] = Domain.Roles.Leader,
        ["领导小组办公室"] = Domain.Roles.Office, ["办公室"] = Domain.Roles.Office,
        ["系统管理员"] = Domain.Roles.Admin, ["管理员"] = Domain.Roles.Admin,
    };

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '/'];

    static MemberFormat()
    {
        foreach (var role in Domain.Roles.All) RoleAliases[role] = role;
    }

    /// <summary>The canonical Chinese header for a header cell (Chinese or English alias), or null for a column we do not know.</summary>
    public static string? ColumnOf(string header) => HeaderNames.GetValueOrDefault(header.Trim());

    public static string NameOf(string role) => RoleNames.GetValueOrDefault(role, role);

    public static string NamesOf(IEnumerable<string> roles) =>
        string.Join("、", roles.OrderBy(r => Domain.Roles.All.ToList().IndexOf(r)).Select(NameOf));

    public static string NameOf(MemberCategory? category) => category switch
    {
        MemberCategory.Full => "正式",
        MemberCategory.Probationary => "预备",
        _ => "",
    };

    /// <summary>The role names a file may use, for the message that refuses an unknown one.</summary>
    public static string ImportableRoleNames => "书记、委员、起草人、党员、意见反馈处理人、领导小组成员、领导小组办公室";

    /// <summary>
    /// The roles a cell names, separated by 、 or commas; an empty cell is 党员. <paramref name="unknown"/> lists the parts no role answers to.
    /// </summary>
    public static IReadOnlySet<string> ParseRoles(string? text, out IReadOnlyList<string> unknown)
    {
        var parts = (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roles = new HashSet<string>();
        var missing = new List<string>();
        foreach (var part in parts)
        {
            if (RoleAliases.TryGetValue(part, out var role)) roles.Add(role);
            else missing.Add(part);
        }
        if (parts.Length == 0) roles.Add(Domain.Roles.Member);
        unknown = missing;
        return roles;
    }

    /// <summary>正式/预备 (with or without 党员, or the English names); empty is unknown (null), anything else is an error (false).</summary>
    public static bool TryParseCategory(string? text, out MemberCategory? category)
    {
        category = null;
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "":
                return true;
            case "正式" or "正式党员" or "full":
                category = MemberCategory.Full;
                return true;
            case "预备" or "预备党员" or "probationary":
                category = MemberCategory.Probationary;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A phone number as stored: the cell without spaces; null for an empty cell.</summary>
    public static string? NormalizePhone(string? text)
    {
        var value = (text ?? "").Replace(" ", "").Replace("\u3000", "").Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A mainland mobile number (optionally +86), or a landline with its area code (0XX-XXXXXXXX, with an extension).</summary>
    public static bool IsPhone(string? text) => NormalizePhone(text) is not { } value || PhonePattern().IsMatch(value);

    /// <summary>The characters Identity accepts in a user name by default, less '@' and '+', as the new-user form asks.</summary>
    public static bool IsUserName(string value) => UserNamePattern().IsMatch(value);

    /// <summary>The stem of generated user names: the organization's code in lower case, when it can be part of a user name.</summary>
    public static string UserNameStem(int organizationId, string code)
    {
        var stem = code.Trim().ToLowerInvariant();
        return StemPattern().IsMatch(stem) ? stem : $"org{organizationId}";
    }

    [GeneratedRegex("^(?:(?:\\+?86)?1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(?:-[0-9]{1,6})?)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{2,32}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[a-z0-9._-]{1,26}$")]
    private static partial Regex StemPattern();
}
