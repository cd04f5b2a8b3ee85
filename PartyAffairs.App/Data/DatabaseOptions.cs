namespace PartyAffairs.App.Data;

/// <summary>The database engines the app runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data directory, one node.</summary>
    Sqlite,

    /// <summary>A shared server, for a city that runs several nodes behind a proxy.</summary>
    PostgreSQL,
}

/// <summary>
/// <c>Database:Provider</c> (<c>Sqlite</c> unless told) and, for PostgreSQL, <c>ConnectionStrings:PartyAffairs</c>. SQLite
/// ignores the connection string: its file is always <c>partyaffairs.db</c> in the data directory, which is what the
/// backup, the restore and the operator's guide name.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string? ConnectionString)
{
    public const string Section = "Database";
    public const string ConnectionStringName = "PartyAffairs";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var name = configuration[$"{Section}:Provider"];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider is '{name}': it must be Sqlite or PostgreSQL.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:PartyAffairs is empty.");
        return new DatabaseOptions(provider, connectionString);
    }
}
