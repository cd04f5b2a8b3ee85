using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>
/// One page (<see cref="Page"/>, from 0) of the inspections a person may read, newest first; <see cref="Total"/> counts them all.
/// <see cref="CanRecord"/> for the Office, with the organizations it may inspect.
/// </summary>
public sealed record InspectionListView(IReadOnlyList<InspectionRow> Inspections, bool CanRecord, OrganizationScope Organizations,
    int Total = 0, int Page = 0, int PageSize = InspectionService.DefaultPageSize);
