using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Components.Layout;

/// <summary>What the app bar and the menu need to know about the person signed in.</summary>
public sealed record ShellUser(Actor Actor, string? OrganizationName, bool MustChangePassword, IReadOnlyList<PostChoice>? Posts = null)
{
    /// <summary>Her posts, to pick the one she acts in; the picker shows only when she has more than one.</summary>
    public IReadOnlyList<PostChoice> PostChoices => Posts ?? [];
}

/// <summary>One of her posts as the app bar's picker shows it: its organization's name (none for a bureau-wide role) and role.</summary>
public sealed record PostChoice(string Key, string? OrganizationName, string Role);
