using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Archive;

public sealed record ArchiveRow(int Id, string ArchiveNumber, string Title, string OrganizationName, int Year, Category Category,
    Audience Audience, DateTime ArchivedAtUtc, string Digest);
