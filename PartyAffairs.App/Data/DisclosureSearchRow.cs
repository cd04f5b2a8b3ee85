namespace PartyAffairs.App.Data;

/// <summary>
/// A row of the <c>DisclosureSearch</c> FTS5 table (kept by triggers, never written through EF), keyed by the disclosure's id:
/// so a query can look at the searchable text of the rows it already narrowed, instead of searching every row first.
/// </summary>
public sealed class DisclosureSearchRow
{
    public int RowId { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
}
