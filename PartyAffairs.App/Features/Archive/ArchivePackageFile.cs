namespace PartyAffairs.App.Features.Archive;

public sealed record ArchivePackageFile(string FileName, byte[] Content);
