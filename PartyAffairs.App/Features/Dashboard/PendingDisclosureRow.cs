namespace PartyAffairs.App.Features.Dashboard;

/// <summary>A disclosure waiting for approval; <see cref="OfficeOnly"/>: gated (ReviewRoute.Gated), only the Office may approve it.</summary>
public sealed record PendingDisclosureRow(int Id, string Title, string OrganizationName, bool OfficeOnly, DateTime? SubmittedAtUtc);
