using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>The demo accounts as actors, so the story can act as each of them without anyone signing in.</summary>
internal sealed class DemoPeople(IReadOnlyDictionary<string, Actor> byUserName)
{
    public Actor Leader => byUserName["leader"];
    public Actor Office => byUserName["office"];
    public Actor Secretary => byUserName["secretary"];
    public Actor Drafter => byUserName["drafter"];
    public Actor Handler => byUserName["handler"];
    public Actor Member => byUserName["member"];
    public Actor Secretary2 => byUserName["secretary2"];

    public string? IdOf(string? userName) => userName is not null && byUserName.TryGetValue(userName, out var actor) ? actor.UserId : null;

    /// <summary>"姓名（职务）", how a leader in charge is named when feedback is reported to them.</summary>
}
