namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>Files attached in one change: the disclosure's new version and the attachments' ids, in the order given.</summary>
public sealed record UploadedFiles(int Version, IReadOnlyList<int> AttachmentIds);
