namespace PartyAffairs.App.Domain;

/// <summary>A grassroots Party organization (党的基层组织): the organ committee at the root, the discipline committee and branches below it.</summary>
public sealed class Organization
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Letters that open this organization's archive numbers, e.g. JGDW in JGDW-2026-0007.</summary>
    public string Code { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public Organization? Parent { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    private Organization() { }

    public Organization(string name, string code, OrganizationKind kind, int? parentId, int sortOrder)
    {
        Rename(name, code);
        Kind = kind;
        ParentId = parentId;
        SortOrder = sortOrder;
    }

    public void Rename(string name, string code)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Organization.NameRequired");
        if (string.IsNullOrWhiteSpace(code)) throw new DomainRuleException("Organization.CodeRequired");
        Name = name.Trim();
        Code = code.Trim().ToUpperInvariant();
    }

    public void MoveUnder(int? parentId, int sortOrder)
    {
        if (parentId == Id && Id != 0) throw new DomainRuleException("Organization.ParentIsSelf");
        ParentId = parentId;
        SortOrder = sortOrder;
    }

    public void SetActive(bool active) => IsActive = active;
}
