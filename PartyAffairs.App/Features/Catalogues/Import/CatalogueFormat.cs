using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>
/// The city template's file format: its Chinese column headers (English aliases accepted on import) and
/// how each cell is written. These words are the format itself, the same in every language of the app,
/// so a file exported here imports again unchanged.
/// </summary>
public static class CatalogueFormat
{
    public const string Organization = "组织";
    public const string Category = "类别";
    public const string Title = "事项";
    public const string Description = "内容说明";
    public const string Channels = "公开方式";
    public const string Audience = "公开范围";
    public const string Cadence = "时限";
    public const string Standing = "长期公开";
    public const string Responsible = "责任人";
    public const string Phases = "阶段";
    /// <summary>正文模板: optional, HTML or plain lines (one paragraph each), cleaned as a stored body without images.</summary>
    public const string BodyTemplate = "正文模板";
    public const string State = "状态";

    public static readonly IReadOnlyList<string> Columns =
        [Organization, Category, Title, Description, Channels, Audience, Cadence, Standing, Responsible, Phases, BodyTemplate];

    /// <summary>The columns a file must have; the others may be left out and are then empty.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [Organization, Category, Title, Channels, Audience, Cadence];

    private static readonly Dictionary<string, string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Organization] = Organization, ["Organization"] = Organization,
        [Category] = Category, ["Category"] = Category,
        [Title] = Title, ["Item"] = Title, ["Title"] = Title,
        [Description] = Description, ["Description"] = Description,
        [Channels] = Channels, ["Channels"] = Channels, ["Channel"] = Channels,
        [Audience] = Audience, ["Audience"] = Audience,
        [Cadence] = Cadence, ["Cadence"] = Cadence,
        [Standing] = Standing, ["Standing"] = Standing,
        [Responsible] = Responsible, ["Responsible"] = Responsible,
        [Phases] = Phases, ["Phases"] = Phases,
        [BodyTemplate] = BodyTemplate, ["Body template"] = BodyTemplate, ["BodyTemplate"] = BodyTemplate,
    };

    private static readonly Dictionary<Category, string> CategoryNames = new()
    {
        [Domain.Category.ResolutionsAndExecution] = "党的基层组织决议、决定及执行情况",
        [Domain.Category.IdeologicalBuilding] = "党的思想建设情况",
        [Domain.Category.OrganizationalBuilding] = "党的组织建设情况",
        [Domain.Category.InstitutionalBuilding] = "党内制度建设情况",
        [Domain.Category.LeadershipBuilding] = "领导班子建设情况",
        [Domain.Category.ServiceToMembersAndMasses] = "联系和服务党员、群众情况",
        [Domain.Category.ConductAndIntegrity] = "党风廉政建设方面",
        [Domain.Category.Other] = "其它事项",
    };

    private static readonly Dictionary<Channel, string> ChannelNames = new()
    {
        [Channel.Board] = "公开栏", [Channel.Meeting] = "会议", [Channel.Document] = "文件", [Channel.Media] = "媒体",
    };

    private static readonly Dictionary<Audience, string> AudienceNames = new()
    {
        [Domain.Audience.Public] = "社会", [Domain.Audience.AllMembers] = "全体党员", [Domain.Audience.Organization] = "本组织",
    };

    private static readonly Dictionary<Cadence, string> CadenceNames = new()
    {
        [Domain.Cadence.Monthly] = "定期-月", [Domain.Cadence.Quarterly] = "定期-季", [Domain.Cadence.HalfYearly] = "定期-半年",
        [Domain.Cadence.Yearly] = "定期-年", [Domain.Cadence.Phased] = "阶段", [Domain.Cadence.Immediate] = "即时",
    };

    private static readonly char[] ListSeparators = ['、', ';', '；', ',', '，'];
    private static readonly char[] PhaseSeparators = [';', '；'];

    /// <summary>The canonical Chinese header for a header cell (Chinese or English alias), or null for a column we do not know.</summary>
    public static string? ColumnOf(string header) => HeaderNames.GetValueOrDefault(header.Trim());

    public static string TitleOf(int year) => $"{year}年度机关党的基层组织党务公开目录";

    public static string NameOf(Category category) => CategoryNames[category];
    public static string NameOf(Audience audience) => AudienceNames[audience];
    public static string NameOf(Cadence cadence) => CadenceNames[cadence];
    public static string NameOf(Channel channels) =>
        string.Join("、", ChannelNames.Where(c => channels.HasFlag(c.Key)).Select(c => c.Value));
    public static string NameOf(bool standing) => standing ? "是" : "否";
    public static string PhasesOf(IEnumerable<string> phases) => string.Join(";", phases);

    public static string AllCadences => string.Join("、", CadenceNames.Values);
    public static string AllAudiences => string.Join("、", AudienceNames.Values);
    public static string AllChannels => string.Join("、", ChannelNames.Values);

    /// <summary>1–8 as numbered in §5(一), or the category's name (其他 is taken for 其它).</summary>
    public static Category? ParseCategory(string? text)
    {
        var value = Normalize(text);
        if (int.TryParse(value, out var number) && Enum.IsDefined(typeof(Category), number)) return (Category)number;
        if (value == "其他事项" || value == "其他" || value == "其它") return Domain.Category.Other;
        foreach (var (category, name) in CategoryNames)
        {
            if (name == value) return category;
        }
        return null;
    }

    public static Audience? ParseAudience(string? text) => Find(AudienceNames, Normalize(text));

    public static Cadence? ParseCadence(string? text) => Find(CadenceNames, Normalize(text).Replace('－', '-').Replace('—', '-').Replace('–', '-'));

    /// <summary>One or more channels separated by 、 or ; (commas tolerated); null when any part is unknown or none is given.</summary>
    public static Channel? ParseChannels(string? text)
    {
        var parts = Split(text, ListSeparators);
        if (parts.Count == 0) return null;
        var channels = Channel.None;
        foreach (var part in parts)
        {
            if (Find(ChannelNames, part) is not { } channel) return null;
            channels |= channel;
        }
        return channels;
    }

    /// <summary>是/否; an empty cell is 否.</summary>
    public static bool? ParseStanding(string? text) => Normalize(text).ToLowerInvariant() switch
    {
        "" or "否" or "n" or "no" or "false" or "0" => false,
        "是" or "y" or "yes" or "true" or "1" => true,
        _ => null,
    };

    public static IReadOnlyList<string> ParsePhases(string? text) => Split(text, PhaseSeparators);

    private static IReadOnlyList<string> Split(string? text, char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string? text) => (text ?? "").Trim();

    private static TEnum? Find<TEnum>(Dictionary<TEnum, string> names, string value) where TEnum : struct, Enum
    {
        foreach (var (key, name) in names)
        {
            if (name == value) return key;
        }
        return null;
    }
}
