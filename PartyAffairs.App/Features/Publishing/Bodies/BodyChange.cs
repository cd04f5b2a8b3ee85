namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>What a correction did to a block, a table row or cell, or a piece of text.</summary>
public enum BodyChange
{
    Unchanged,
    Added,
    Removed,
    Modified,
}
