namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>The active organizations a template line may name, by name or by code, each leading to the organization's id and proper name.</summary>
public sealed class OrganizationLookup
{
    private readonly Dictionary<string, (int Id, string Name)> byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> names = [];

    /// <summary>The active organizations' names, in the bureau's order: what a line may name.</summary>
    public IReadOnlyList<string> Names => names;

    public OrganizationLookup(IEnumerable<(int Id, string Name, string Code)> organizations)
    {
        foreach (var (id, name, code) in organizations)
        {
            names.Add(name);
            byKey.TryAdd(name.Trim(), (id, name));
            byKey.TryAdd(code.Trim(), (id, name));
        }
    }

    public bool Contains(string nameOrCode) => byKey.ContainsKey(nameOrCode.Trim());

    public (int Id, string Name)? Find(string nameOrCode) => byKey.TryGetValue(nameOrCode.Trim(), out var found) ? found : null;
}
