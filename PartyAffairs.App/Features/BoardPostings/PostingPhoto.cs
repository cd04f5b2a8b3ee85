namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>A posting's photo the asker may see: where its bytes are and how to serve them.</summary>
public sealed record PostingPhoto(string FullPath, string FileName, string ContentType);
