using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Which database the service tests run on: SQLite unless <c>PA_TEST_DATABASE=PostgreSQL</c>, in which case the whole
/// service suite (every <see cref="ServiceHarness"/>) runs on a PostgreSQL cluster of the run's own — CI runs the suite once
/// on each. On PostgreSQL, as on SQLite, the migrations run once into a template database and each harness gets a copy of
/// it (<c>CREATE DATABASE … TEMPLATE</c>, a few tens of milliseconds), named after its data directory, so a test that reopens
/// a data directory (the crash drill) reopens the same database.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "PA_TEST_DATABASE";

    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), nameof(DatabaseProvider.PostgreSQL), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    private const string TemplateName = "pa_template";

    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(StartClusterAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task> Template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The settings that point the app at this data directory's database (none on SQLite: the file is found by the directory).</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string dataDirectory, bool fromTemplate)
    {
        if (!IsPostgreSql) return new Dictionary<string, string?>();
        var cluster = await Cluster.Value;
        var name = DatabaseName(dataDirectory);
        if (fromTemplate) await Template.Value;
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! == 0) await CreateAsync(connection, name, fromTemplate ? TemplateName : "template0");
        }
        return new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = cluster.ConnectionString(name),
        };
    }

    /// <summary>Points a test web host at this data directory's database (nothing to do on SQLite).</summary>
    public static void Use(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, string dataDirectory) => builder.UseTestDatabase(dataDirectory);

    public static Microsoft.AspNetCore.Hosting.IWebHostBuilder UseTestDatabase(this Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, string dataDirectory)
    {
        foreach (var (key, value) in SettingsAsync(dataDirectory, fromTemplate: true).GetAwaiter().GetResult()) builder.UseSetting(key, value);
        return builder;
    }

    /// <summary>Drops the data directory's database, if PostgreSQL made one, ending whatever connections it still has.</summary>
    public static async Task DropAsync(string dataDirectory)
    {
        if (!IsPostgreSql || !Cluster.IsValueCreated) return;
        var cluster = await Cluster.Value;
        var name = DatabaseName(dataDirectory);
        await using (var own = new NpgsqlConnection(cluster.ConnectionString(name))) NpgsqlConnection.ClearPool(own);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A database name of PostgreSQL's 63 bytes, the same for the same data directory.</summary>
    private static string DatabaseName(string dataDirectory) =>
        "pa_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..32];

    private static async Task CreateAsync(NpgsqlConnection connection, string name, string template)
    {
        await using var create = new NpgsqlCommand(
            $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartClusterAsync()
    {
        if (PostgresCluster.BinDirectory is null)
            throw new InvalidOperationException($"{Variable}=PostgreSQL, but no PostgreSQL server is installed (/usr/lib/postgresql/*/bin/initdb).");
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().GetAwaiter().GetResult();
        return cluster;
    }

    private static async Task CreateTemplateAsync()
    {
        var cluster = await Cluster.Value;
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await connection.OpenAsync();
            await CreateAsync(connection, TemplateName, "template0");
        }
        // Unpooled: a copy of the template can only be made while nobody is connected to it.
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(cluster.ConnectionString(TemplateName) + ";Pooling=false").Options;
        await using var db = new PostgresAppDbContext(options);
        await db.Database.MigrateAsync();
    }
}
