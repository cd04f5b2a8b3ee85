namespace PartyAffairs.App.Features.Admin.LoadGeneration;

/// <summary>What a generator run wrote, and how long it took.</summary>
public sealed record LoadResult(int Organizations, int Occurrences, int Disclosures, int Feedback, int Applications, int ArchiveRecords, long AuditEntries, TimeSpan Elapsed);
