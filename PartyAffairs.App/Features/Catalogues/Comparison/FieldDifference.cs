namespace PartyAffairs.App.Features.Catalogues.Comparison;

/// <summary>One field of an item before and after, as text; <see cref="Field"/> is the key of its label (e.g. "Title").</summary>
public sealed record FieldDifference(string Field, string Old, string New)
{
    public bool Changed => Old != New;
}
