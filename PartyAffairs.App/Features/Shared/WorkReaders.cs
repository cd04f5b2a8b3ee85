using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>Who may open the bureau's work pages at all: anyone signed in with a role beyond Admin, who has no content rights by default.</summary>
public static class WorkReaders
{
    public static bool Includes(Actor actor) => actor.IsAuthenticated && actor.Roles.Any(r => r != Roles.Admin);
}
