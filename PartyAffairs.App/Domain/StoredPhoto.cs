namespace PartyAffairs.App.Domain;

/// <summary>A photo's bytes once stored and checked: its name, type by content, size, SHA-256 and path under the data directory.</summary>
public sealed record StoredPhoto(string FileName, string ContentType, long SizeBytes, string Sha256, string StoredPath);
