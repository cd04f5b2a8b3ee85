namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>The kinds of block a body diff compares one by one.</summary>
public enum BodyBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Table,
    Rule,
}
