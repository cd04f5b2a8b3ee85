namespace PartyAffairs.App.Features.Board;

/// <summary>One item of the lobby screen's rotation; <see cref="Item"/> is null when nothing is on display.</summary>
public sealed record BoardScreenView(int? OrganizationId, string? OrganizationName, BoardPrintItem? Item, int Index, int Count)
{
    /// <summary>Seconds an item stays on the screen at the least, and at the most however long it is.</summary>
    public const int MinimumSeconds = 15;
    public const int MaximumSeconds = 900;

    /// <summary>Characters a passer-by reads in a second, as the long item rolls past (Chinese is read at about 6–8 a second).</summary>
    public const int CharactersPerSecond = 6;

    /// <summary>At scale, without an organization: a page of the organizations to choose from.</summary>
    public BoardDirectory? Directory { get; init; }

    public int NextIndex => Count == 0 ? 0 : (Index + 1) % Count;

    /// <summary>Before a long item starts to roll, and after its end came into view, it rests for these seconds.</summary>
    public const int RestAtTopSeconds = 4;
    public const int RestAtEndSeconds = 3;

    /// <summary>How long this item stays on the screen: long enough to read it whole as it rolls through.</summary>
    public int Seconds => Item is null ? MinimumSeconds : Math.Clamp(MinimumSeconds + Item.Length / CharactersPerSecond, MinimumSeconds, MaximumSeconds);

    /// <summary>The time the item takes to roll from its top to its end, between the two rests.</summary>
    public int RollSeconds => Seconds - RestAtTopSeconds - RestAtEndSeconds;
}
