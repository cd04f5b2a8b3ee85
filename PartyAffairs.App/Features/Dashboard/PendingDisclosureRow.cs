namespace PartyAffairs.App.Features.Dashboard;

/// <summary>A disclosure waiting for approval; out-of-catalogue ones only the Office may approve.</summary>
public sealed record PendingDisclosureRow(int Id, string Title, string OrganizationName, bool OutOfCatalogue, DateTime? SubmittedAtUtc);
