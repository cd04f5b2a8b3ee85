using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing;

public sealed record DisclosureRow(int Id, string Title, int OrganizationId, string OrganizationName, Category Category,
    DisclosureState State, bool InCatalogue, DateTime DisplayFromUtc, DateTime DisplayUntilUtc, string AuthorName, DateTime LastChangeUtc);
