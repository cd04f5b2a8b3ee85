using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Comparison;
using PartyAffairs.App.Features.Catalogues.Import;

namespace PartyAffairs.App.Features.Catalogues.Amendments;

/// <summary>
/// What an approved amendment did, as one sentence for the audit trail: every change with each field's old → new value.
/// The audit log is stored data read later by anyone, so it is written in the bureau's language, with the city template's
/// column names (组织, 事项, 时限…) for the fields.
/// </summary>
public static class AmendmentRecord
{
    /// <summary>The audit reason column holds 2000 characters; a long record is cut and says so.</summary>
    public const int MaxLength = 2000;

    private static readonly RowFormat Chinese = new(value => value switch
    {
        Category c => CatalogueFormat.NameOf(c),
        Audience a => CatalogueFormat.NameOf(a),
        Cadence c => CatalogueFormat.NameOf(c),
        Channel c => CatalogueFormat.NameOf(c),
        _ => value.ToString(),
    }, "是", "否");

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["Organization"] = CatalogueFormat.Organization, ["Category"] = CatalogueFormat.Category, ["Title"] = CatalogueFormat.Title,
        ["Description"] = CatalogueFormat.Description, ["Channels"] = CatalogueFormat.Channels, ["Audience"] = CatalogueFormat.Audience,
        ["Cadence"] = CatalogueFormat.Cadence, ["Standing"] = CatalogueFormat.Standing, ["ResponsiblePerson"] = CatalogueFormat.Responsible,
        ["Phases"] = CatalogueFormat.Phases,
    };

    public static string Describe(string reason, IEnumerable<(AmendmentChangeKind Kind, CatalogueRow? Before, CatalogueRow? After)> changes)
    {
        var parts = changes.Select(c => Describe(c.Kind, c.Before, c.After));
        var text = $"{reason}｜{string.Join("；", parts)}";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    public static string Describe(AmendmentChangeKind kind, CatalogueRow? before, CatalogueRow? after)
    {
        var row = after ?? before;
        var name = row is null ? "" : $"{row.Organization}·{row.Title}";
        return kind switch
        {
            AmendmentChangeKind.Add => $"新增「{name}」",
            AmendmentChangeKind.Retire => $"撤销「{name}」",
            _ => $"修改「{(before is null ? name : $"{before.Organization}·{before.Title}")}」：" + string.Join("，",
                CatalogueComparison.Fields(before, after, Chinese).Where(f => before is null ? f.New.Length > 0 : f.Changed)
                    .Select(f => before is null ? $"{FieldNames[f.Field]} → {f.New}（原值未记录）" : $"{FieldNames[f.Field]} {Shown(f.Old)} → {Shown(f.New)}")),
        };
    }

    private static string Shown(string value) => value.Length == 0 ? "（空）" : value;
}
