namespace PartyAffairs.App.Features.Backup;

public sealed record BackupResult(string Folder, int FileCount, long Bytes);
