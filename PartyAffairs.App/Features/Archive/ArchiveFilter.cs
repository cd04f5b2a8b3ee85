using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Archive;

/// <summary>The register's filters and page; <see cref="Text"/> is searched in the title, the body and the archive number.</summary>
public sealed record ArchiveFilter(int? Year = null, int? OrganizationId = null, Category? Category = null, Audience? Audience = null,
    string? Text = null, int Page = 0, int PageSize = 25);
