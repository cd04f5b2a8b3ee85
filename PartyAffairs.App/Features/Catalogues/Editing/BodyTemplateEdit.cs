namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>A line's body template as the dialog starts from it, with the line's version the save acts on.</summary>
public sealed record BodyTemplateEdit(int ItemId, string Title, string OrganizationName, string Html, int Version);
