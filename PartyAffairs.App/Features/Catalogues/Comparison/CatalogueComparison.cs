namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>
/// Compares catalogue items as plain rows: this year's catalogue against the city template, or an item in
/// force against an amendment's proposal. Items are matched by organization and 事项 (<see cref="CatalogueRow.Key"/>).
/// </summary>
public static class CatalogueComparison
{
    public static CatalogueComparisonResult Compare(IEnumerable<CatalogueRow> before, IEnumerable<CatalogueRow> after, RowFormat? format = null)
    {
        format ??= RowFormat.Invariant;
        // A template may repeat a line; the first of each key is the one compared.
        var old = before.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());
        var current = after.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());
        var added = current.Values.Where(r => !old.ContainsKey(r.Key)).ToList();
        var removed = old.Values.Where(r => !current.ContainsKey(r.Key)).ToList();
        var changed = current.Values
            .Where(r => old.ContainsKey(r.Key))
            .Select(r => new ItemDifference(old[r.Key], r, Fields(old[r.Key], r, format)))
            .Where(d => d.ChangedFields.Any())
            .ToList();
        return new CatalogueComparisonResult(added, removed, changed);
    }

    /// <summary>Every field of an item side by side; a missing side (an added or retired item) shows as empty.</summary>
    public static IReadOnlyList<FieldDifference> Fields(CatalogueRow? before, CatalogueRow? after, RowFormat? format = null)
    {
        var f = format ?? RowFormat.Invariant;
        return
        [
            Field("Organization", before, after, r => r.Organization.Trim()),
            Field("Category", before, after, r => f.Label(r.Category)),
            Field("Title", before, after, r => r.Title.Trim()),
            Field("Description", before, after, r => r.Description.Trim()),
            Field("Channels", before, after, r => f.Label(r.Channels)),
            Field("Audience", before, after, r => f.Label(r.Audience)),
            Field("Cadence", before, after, r => f.Label(r.Cadence)),
            Field("Standing", before, after, r => r.Standing ? f.Yes : f.No),
            Field("ResponsiblePerson", before, after, r => r.ResponsiblePerson.Trim()),
            Field("Phases", before, after, r => string.Join("、", r.Phases.Select(p => p.Trim()))),
        ];
    }

    private static FieldDifference Field(string name, CatalogueRow? before, CatalogueRow? after, Func<CatalogueRow, string> value) =>
        new(name, before is null ? "" : value(before), after is null ? "" : value(after));
}
