namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>How field values become text in a comparison: the page passes the person's labels, tests the invariant names.</summary>
public sealed record RowFormat(Func<Enum, string> Label, string Yes, string No)
{
    public static readonly RowFormat Invariant = new(e => e.ToString(), "true", "false");
}
