namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// What a member file is checked against at one moment: the organizations, the user names already taken (in any case),
/// and whether the person importing is the Admin (only the Admin may hand out the Office and Leader roles).
/// </summary>
public sealed class MemberImportContext
{
    private readonly Dictionary<string, MemberOrganization> byKey = new(StringComparer.OrdinalIgnoreCase);

    public MemberImportContext(IEnumerable<MemberOrganization> organizations, IEnumerable<string> existingUserNames, bool importerIsAdmin)
    {
        var list = organizations.ToList();
        // Active ones first, so a name shared by an old and a new organization finds the one in use.
        foreach (var organization in list.OrderByDescending(o => o.IsActive))
        {
            byKey.TryAdd(organization.Name.Trim(), organization);
            if (organization.Code.Trim().Length > 0) byKey.TryAdd(organization.Code.Trim(), organization);
        }
        ActiveNames = list.Where(o => o.IsActive).Select(o => o.Name).ToList();
        ExistingUserNames = existingUserNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        ImporterIsAdmin = importerIsAdmin;
    }

    public IReadOnlyList<string> ActiveNames { get; }

    public IReadOnlySet<string> ExistingUserNames { get; }

    public bool ImporterIsAdmin { get; }

    public MemberOrganization? Find(string nameOrCode) => byKey.GetValueOrDefault(nameOrCode.Trim());
}
