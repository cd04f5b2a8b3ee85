namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>An attachment the asker may download: where its bytes are and how to serve them.</summary>
public sealed record AttachmentFile(string FullPath, string FileName, string ContentType);
