namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>What the rich-text editor's toolbar shows as active or possible where the cursor is (sent by body-editor.js, throttled).</summary>
public sealed record BodyEditorState
{
    public bool Paragraph { get; init; }
    public bool Heading2 { get; init; }
    public bool Heading3 { get; init; }
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Underline { get; init; }
    public bool OrderedList { get; init; }
    public bool BulletList { get; init; }
    public string Align { get; init; } = "left";
    public bool InTable { get; init; }
    /// <summary>The address of the link under the cursor; null outside a link.</summary>
    public string? Link { get; init; }
    public bool CanUndo { get; init; }
    public bool CanRedo { get; init; }
    public bool CanMerge { get; init; }
    public bool CanSplit { get; init; }
}
