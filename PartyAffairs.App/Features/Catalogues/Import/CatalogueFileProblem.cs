namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>A file that cannot be read as a table at all (wrong encoding, damaged workbook, unknown kind); the key names the message.</summary>
public sealed class CatalogueFileProblem(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;
    public object[] Arguments { get; } = arguments;
}
