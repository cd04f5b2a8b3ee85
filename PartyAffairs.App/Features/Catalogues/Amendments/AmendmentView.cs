using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Amendments;

public sealed record AmendmentView(int Id, AmendmentState State, int Version, string Reason, DateTime CreatedAtUtc, string? ReviewComment,
    IReadOnlyList<AmendmentChangeView> Changes);
