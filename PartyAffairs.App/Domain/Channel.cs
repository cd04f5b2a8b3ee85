namespace PartyAffairs.App.Domain;

/// <summary>Ways of disclosing (§5(三)); an item may use several, hence flags.</summary>
[Flags]
public enum Channel
{
    None = 0,
    Board = 1,
    Meeting = 2,
    Document = 4,
    Media = 8,
}
