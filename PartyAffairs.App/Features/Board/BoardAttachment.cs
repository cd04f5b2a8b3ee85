namespace PartyAffairs.App.Features.Board;

/// <summary>A file of a board item; downloaded through /attachments/{id}, which applies the audience rule again.</summary>
public sealed record BoardAttachment(int Id, string FileName, long SizeBytes);
