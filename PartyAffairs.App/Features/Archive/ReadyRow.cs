namespace PartyAffairs.App.Features.Archive;

/// <summary>A closed, not yet archived disclosure; <see cref="OpenFeedback"/> above zero means it cannot be archived yet.</summary>
public sealed record ReadyRow(int Id, string Title, string OrganizationName, int Year, DateTime ClosedAtUtc, int OpenFeedback);
