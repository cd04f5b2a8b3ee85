using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Components.Layout;

/// <summary>What the app bar and the menu need to know about the person signed in.</summary>
public sealed record ShellUser(Actor Actor, string? OrganizationName, bool MustChangePassword);
