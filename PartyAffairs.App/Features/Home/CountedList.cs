namespace PartyAffairs.App.Features.Home;

/// <summary>The first few of a list and how many there are in all, so a card shows a sample and the full count.</summary>
public sealed record CountedList<T>(int Total, IReadOnlyList<T> Items)
{
    public static readonly CountedList<T> Empty = new(0, []);
}
