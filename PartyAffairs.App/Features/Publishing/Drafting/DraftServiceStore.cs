using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>The draft editor's store over the real service.</summary>
public sealed class DraftServiceStore(DraftService drafts) : IDraftStore
{
    public Task<Result<DraftView>> GetAsync(int id, CancellationToken cancellationToken = default) =>
        drafts.GetAsync(id, cancellationToken);

    public Task<Result<DraftSaved>> SaveAsync(int id, int expectedVersion, DraftRequest request, CancellationToken cancellationToken = default) =>
        drafts.SaveAsync(id, expectedVersion, request, cancellationToken);

    public Task<Result<DraftCheck>> CheckAsync(int id, CancellationToken cancellationToken = default) =>
        drafts.CheckAsync(id, cancellationToken);
}
