namespace PartyAffairs.App.Features.Publishing;

/// <param name="Scanned">A PDF without a text layer: search cannot find what it says.</param>
public sealed record AttachmentRow(int Id, string FileName, long SizeBytes, string Sha256, DateTime UploadedAtUtc, bool Scanned = false);
