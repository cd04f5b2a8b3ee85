namespace PartyAffairs.App.Features.Board;

/// <summary>A file of a board item; downloaded through /attachments/{id}, which applies the audience rule again.</summary>
/// <param name="Scanned">A PDF without a text layer: search cannot find what it says.</param>
public sealed record BoardAttachment(int Id, string FileName, long SizeBytes, bool Scanned = false);
