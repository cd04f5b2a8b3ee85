namespace PartyAffairs.App.Features.Archive;

public sealed record ArchiveFilter(int? Year = null, int? OrganizationId = null);
