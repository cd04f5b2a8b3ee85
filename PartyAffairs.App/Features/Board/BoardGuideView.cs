using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;

namespace PartyAffairs.App.Features.Board;

/// <summary>The public guide (党务公开指南), built from the bureau's own data: organizations, leading group, settings.</summary>
public sealed record BoardGuideView(IReadOnlyList<GuideOrganization> Organizations, IReadOnlyList<GuideSeat> LeadingGroup, AppSettings Settings,
    int? CatalogueYear)
{
    /// <summary>How many active organizations the bureau has.</summary>
    public int OrganizationCount { get; init; }

    /// <summary>At scale <see cref="Organizations"/> holds only the top of the tree; the board's directory lists the rest.</summary>
    public bool Abridged { get; init; }
}

/// <summary>An organization at its depth in the tree (0 the organ committee).</summary>
public sealed record GuideOrganization(int Id, string Name, OrganizationKind Kind, int Depth);

public sealed record GuideSeat(string PersonName, string Post, LeadingGroupPosition Position);
