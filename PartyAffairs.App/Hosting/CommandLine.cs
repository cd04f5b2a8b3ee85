using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Archive.Packages;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Backup;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting;

/// <summary>
/// The operator's verbs, run by the same binary without starting the web server:
/// <c>verify-archive</c> (the whole archive), <c>verify-archive --package file.zip</c> (one downloaded package) and
/// <c>backup folder</c>. Exit codes: 0 all is well, 1 problems found, 2 the command could not run (on PostgreSQL also when
/// the server cannot be reached).
/// </summary>
public static class CommandLine
{
    public const string VerifyArchive = "verify-archive";
    public const string Backup = "backup";
    public const string GenerateLoad = "generate-load";

    /// <summary>Lets every verb name its data directory as <c>--data-directory folder</c>.</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--data-directory"] = "Storage:DataDirectory",
    };

    /// <summary>Settings a verb forces: a generated city starts from an empty bureau, never the demo's.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ForcedSettings(string[] args) =>
        args.Length > 0 && args[0] == GenerateLoad ? [new("Demo:Seed", "false")] : [];

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is VerifyArchive or Backup or GenerateLoad;

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var services = app.Services;
        var text = services.GetRequiredService<IStringLocalizer<ArchiveStrings>>();
        var problems = services.GetRequiredService<ArchiveProblemText>();
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        try
        {
            if (args[0] == GenerateLoad) return await GenerateLoadAsync(services, storage, args, output, error);
            if (args[0] == Backup)
            {
                if (args.Length < 2) return Fail(error, text["Cli.BackupUsage"]);
                var result = await services.GetRequiredService<DataBackup>().BackupAsync(args[1], CancellationToken.None);
                await output.WriteLineAsync(text["Cli.BackupDone", result.FileCount, result.Bytes, result.Folder]);
                return 0;
            }

            ArchiveVerificationReport report;
            var package = Array.IndexOf(args, "--package");
            if (package > 0)
            {
                if (package + 1 >= args.Length) return Fail(error, text["Cli.VerifyUsage"]);
                var path = args[package + 1];
                if (!File.Exists(path)) return Fail(error, text["Cli.NoFile", path]);
                await using var stream = File.OpenRead(path);
                report = await ArchivePackageVerifier.VerifyAsync(stream, Path.GetFileName(path), CancellationToken.None);
            }
            else
            {
                // Never create an empty database where the operator expected theirs.
                if (services.GetRequiredService<DatabaseOptions>() is { IsPostgreSql: true } database)
                {
                    if (!await HasMigrationsAsync(services)) return Fail(error, text["Cli.NoMigratedDatabase", Describe(database)]);
                }
                else if (!File.Exists(storage.DatabasePath)) return Fail(error, text["Cli.NoDatabase", storage.DatabasePath]);
                report = await services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
            }

            foreach (var problem in report.Problems) await output.WriteLineAsync(problems.Describe(problem));
            await output.WriteLineAsync(problems.Summary(report));
            if (report.Passed && report.HeadDigest is { } head) await output.WriteLineAsync(text["Cli.Head", head]);
            return report.Passed ? 0 : 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(error, ex.Message);
        }
        catch (DbException ex) when (services.GetRequiredService<DatabaseOptions>() is { IsPostgreSql: true } database)
        {
            // The server is down, unreachable or refuses us: the operator needs which database and why, not a stack trace.
            return Fail(error, text["Cli.DatabaseError", Describe(database), ex.Message]);
        }
    }

    /// <summary>Whether the configured database has the app's tables: a PostgreSQL database without applied migrations is not the operator's.</summary>
    private static async Task<bool> HasMigrationsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Database.GetAppliedMigrationsAsync()).Any();
    }

    /// <summary>A PostgreSQL database as an operator names it (database on host:port), never with its password.</summary>
    private static string Describe(DatabaseOptions database)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{settings.Database} @ {settings.Host}:{settings.Port}";
    }

    /// <summary>Fills a NEW database with a generated city for the benchmarks: never one that already exists.</summary>
    private static async Task<int> GenerateLoadAsync(IServiceProvider services, StorageOptions storage, string[] args, TextWriter output, TextWriter error)
    {
        var text = services.GetRequiredService<IStringLocalizer<LoadStrings>>();
        var options = LoadOptions.Parse(args[1..]);
        if (options is null) return Fail(error, text["Cli.Usage"]);
        // New means no file on SQLite; on PostgreSQL (whose database the operator creates) a database without applied migrations.
        if (services.GetRequiredService<DatabaseOptions>() is { IsPostgreSql: true } database)
        {
            if (await HasMigrationsAsync(services)) return Fail(error, text["Cli.Exists", Describe(database)]);
        }
        else if (File.Exists(storage.DatabasePath)) return Fail(error, text["Cli.Exists", storage.DatabasePath]);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        var result = await services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(options, new LineProgress(output, line => text["Cli.Progress", line]), CancellationToken.None);
        await output.WriteLineAsync(text["Cli.Done", result.Organizations, result.Occurrences, result.Disclosures, result.Feedback,
            result.Applications, result.ArchiveRecords, result.AuditEntries, result.Elapsed.TotalSeconds]);
        return 0;
    }

    /// <summary>Writes each step as it happens (Progress&lt;T&gt; would post to the thread pool and reorder the lines).</summary>
    private sealed class LineProgress(TextWriter output, Func<string, string> format) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(format(value));
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
