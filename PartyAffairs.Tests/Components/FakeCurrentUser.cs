using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Components;

/// <summary>The person a component test renders for: the test sets the roles directly.</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public Actor Actor { get; set; } = Actor.Anonymous;

    public Task<Actor> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Actor);
}
