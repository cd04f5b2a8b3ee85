using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>The person behind the current call, read afresh each time so a removed role takes effect on the next click.</summary>
public interface ICurrentUser
{
    Task<Actor> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The same, read through the caller's context, so a write path spends one connection on the whole call.</summary>
    Task<Actor> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => GetAsync(cancellationToken);
}
