using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>Where the draft editor loads, saves and checks a draft: <see cref="DraftService"/> in the app, a fake in tests.</summary>
public interface IDraftStore
{
    Task<Result<DraftView>> GetAsync(int id, CancellationToken cancellationToken = default);

    Task<Result<DraftSaved>> SaveAsync(int id, int expectedVersion, DraftRequest request, CancellationToken cancellationToken = default);

    Task<Result<DraftCheck>> CheckAsync(int id, CancellationToken cancellationToken = default);
}
