using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>The inspections a person may read, newest first; <see cref="CanRecord"/> for the Office, with the organizations it may inspect.</summary>
public sealed record InspectionListView(IReadOnlyList<InspectionRow> Inspections, bool CanRecord, IReadOnlyList<OrganizationOption> Organizations);
