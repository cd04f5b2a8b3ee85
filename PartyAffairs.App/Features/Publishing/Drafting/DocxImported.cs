namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// A Word document read for the editor to insert: the clean body (its images already the draft's attachments), the draft's
/// version after those attachments, and a note when images in formats a browser cannot show were left out.
/// </summary>
public sealed record DocxImported(string Html, int Version, string? Note);
