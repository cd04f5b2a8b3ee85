namespace PartyAffairs.App.Features.Dashboard;

public sealed record ClosingDisclosureRow(int Id, string Title, string OrganizationName, DateTime DisplayUntilUtc);
