namespace PartyAffairs.App.Features.Catalogues;

/// <summary>A catalogue line as a chooser names it: 组织 · 事项.</summary>
public sealed record CatalogueItemChoice(int Id, int OrganizationId, string OrganizationName, string Title)
{
    public override string ToString() => $"{OrganizationName} · {Title}";
}
