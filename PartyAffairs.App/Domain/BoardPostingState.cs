namespace PartyAffairs.App.Domain;

/// <summary>A board posting is recorded once and kept as evidence; it has no later states.</summary>
public enum BoardPostingState
{
    Recorded = 0,
}
