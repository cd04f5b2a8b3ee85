using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test run's own under a temporary folder, on a free loopback port (issue 22's proof runs the
/// app on PostgreSQL against it). <c>initdb</c> refuses root, so under root it runs as the <c>postgres</c> user; the cluster
/// is UTF-8 with <c>C.UTF-8</c>, since with <c>C</c> pg_trgm extracts no trigram from Chinese; it trusts loopback only, and it is
/// stopped and removed when disposed. Without PostgreSQL the tests that need it skip, saying why; with <c>CI=true</c> they fail.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "postgres";

    private string folder = "";

    public int Port { get; private set; }

    /// <summary>
    /// Syncs to disk as a production server does (the benchmarks, beside SQLite, which syncs too); tests' throwaway clusters
    /// do not. Set before <see cref="InitializeAsync"/>.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>The newest installed server's programs (Debian puts them under /usr/lib/postgresql/N/bin), or null.</summary>
    public static string? BinDirectory { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
        : null;

    public static void SkipIfUnavailable() =>
        Skip.If(BinDirectory is null && !Browser.IsCi, "PostgreSQL not found (/usr/lib/postgresql/*/bin/initdb): PostgreSQL tests skipped.");

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (BinDirectory is null) return;
        folder = Path.Combine(Path.GetTempPath(), $"pa-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (RunsAsRoot) await RunAsync("chown", Superuser, folder);
        Port = FreePort();
        var data = Path.Combine(folder, "data");
        await RunAsync(Server("initdb"), "-D", data, "--locale=C.UTF-8", "--encoding=UTF8", "-A", "trust", "-U", Superuser,
            // A throwaway cluster needs no durability; syncing its files competes with the SQLite tests' own syncs beside it (the
            // fifty-archivings test ran out of its 30 s busy wait once while it did).
            "--no-sync");
        await RunAsync(Server("pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync={(Durable ? "on" : "off")} -c max_connections=400");
    }

    public async Task DisposeAsync()
    {
        if (folder.Length == 0) return;
        try
        {
            await RunAsync(Server("pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A new empty database, UTF-8 and <c>C.UTF-8</c> whatever the cluster's default; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string Server(string program) => Path.Combine(BinDirectory!, program);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end (the server's own programs as the postgres user under root); throws with its output if it failed.</summary>
    private static async Task RunAsync(string program, params string[] arguments)
    {
        var asServer = RunsAsRoot && program.StartsWith(BinDirectory!, StringComparison.Ordinal);
        var start = new ProcessStartInfo(asServer ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server's programs look for a working directory the postgres user may read.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServer)
        {
            foreach (var a in new[] { "-u", Superuser, "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
