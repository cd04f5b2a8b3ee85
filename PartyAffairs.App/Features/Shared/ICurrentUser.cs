using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>The person behind the current call, read afresh each time so a removed role takes effect on the next click.</summary>
public interface ICurrentUser
{
    Task<Actor> GetAsync(CancellationToken cancellationToken = default);
}
