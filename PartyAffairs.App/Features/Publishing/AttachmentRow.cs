namespace PartyAffairs.App.Features.Publishing;

public sealed record AttachmentRow(int Id, string FileName, long SizeBytes, string Sha256, DateTime UploadedAtUtc);
