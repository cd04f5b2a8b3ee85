namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>What the Office enters as a line's body template: HTML (or plain lines), cleaned before it is stored. Empty clears it.</summary>
public sealed class BodyTemplateRequest
{
    public string Html { get; set; } = "";
}
