namespace PartyAffairs.App.Features.Dashboard;

/// <summary>The first few of a list and how many there are in all, so a card can say "and 12 more".</summary>
public sealed record CappedList<T>(int Total, EquatableList<T> Items)
{
    public int Hidden => Total - Items.Count;
}
