namespace PartyAffairs.App.Domain;

/// <summary>One disclosure a posted board carried (the join between <see cref="BoardPosting"/> and <see cref="Disclosure"/>).</summary>
public sealed class BoardPostingItem
{
    public int BoardPostingId { get; private set; }
    public int DisclosureId { get; private set; }

    private BoardPostingItem() { }

    public BoardPostingItem(int disclosureId) => DisclosureId = disclosureId;
}
