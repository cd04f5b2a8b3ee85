using System.Text.Json;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues;

/// <summary>
/// One catalogue item as plain values: a row of the city template file, the JSON kept as the
/// template of a year (<see cref="Catalogue.TemplateJson"/>), an amendment's proposal, an export row.
/// The organization is named, as in the city's file, not numbered. <see cref="BodyTemplate"/> (正文模板, cleaned HTML) travels with
/// the row through files and clones; comparisons leave it out: it is a drafting aid, not part of what the line promises.
/// </summary>
public sealed record CatalogueRow(
    string Organization,
    Category Category,
    string Title,
    string Description,
    Channel Channels,
    Audience Audience,
    Cadence Cadence,
    bool Standing,
    string ResponsiblePerson,
    IReadOnlyList<string> Phases,
    string BodyTemplate = "")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Items are the same item when the organization and the 事项 agree (what a person would compare by).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (string, string) Key => (Organization.Trim(), Title.Trim());

    public static CatalogueRow From(CatalogueItem item, string organizationName) => new(organizationName, item.Category, item.Title,
        item.Description, item.Channels, item.Audience, item.Cadence, item.Standing, item.ResponsiblePerson, item.Phases.ToList(),
        item.BodyTemplate);

    public static string ToJson(IEnumerable<CatalogueRow> rows) => JsonSerializer.Serialize(rows.ToList(), Json);

    public static IReadOnlyList<CatalogueRow> ListFromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<CatalogueRow>>(json, Json) ?? [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CatalogueRow FromJson(string json) =>
        JsonSerializer.Deserialize<CatalogueRow>(json, Json) ?? throw new JsonException("Empty catalogue row.");
}
