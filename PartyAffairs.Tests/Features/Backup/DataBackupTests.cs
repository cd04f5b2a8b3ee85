using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Backup;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Hosting;
using PartyAffairs.Tests.Features.Archive;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Backup;

public sealed class DataBackupTests : ArchiveTestBase
{
    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task A_backup_taken_while_the_app_writes_restores_into_a_new_data_directory_and_verifies()
    {
        await harness.SignInAsync("office");
        for (var i = 0; i < 3; i++) (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Succeeded.ShouldBeTrue();
        var folder = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var restored = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", "restored-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The app's context is open and mid-transaction, as in a running app.
            await using (var open = harness.NewDb())
            await using (await open.Database.BeginTransactionAsync())
            {
                (await open.ArchiveRecords.CountAsync()).ShouldBe(3);
                var result = await harness.Services.GetRequiredService<DataBackup>().BackupAsync(folder, CancellationToken.None);
                result.FileCount.ShouldBeGreaterThan(3);
            }
            File.ReadAllText(Path.Combine(folder, DataBackup.Manifest)).ShouldContain("  partyaffairs.db");
            // One self-contained database file: nothing in a -wal beside it that a restore could leave behind.
            Directory.GetFiles(folder, "partyaffairs.db-*").ShouldBeEmpty();

            // The documented restore: copy the folder's database and stores into the data directory.
            CopyDirectory(folder, restored);
            var storage = Options.Create(new StorageOptions { DataDirectory = restored });
            using var factory = new ServiceCollection()
                .AddDbContextFactory<AppDbContext>(o => o.UseSqlite($"Data Source={storage.Value.DatabasePath};Pooling=False"))
                .BuildServiceProvider();
            var report = await new ArchiveVerifier(factory.GetRequiredService<IDbContextFactory<AppDbContext>>(), storage).VerifyAsync(null, CancellationToken.None);
            report.Passed.ShouldBeTrue(string.Join("; ", report.Problems));
            report.RecordCount.ShouldBe(3);
            report.FileCount.ShouldBe(3);

            await Should.ThrowAsync<IOException>(() => harness.Services.GetRequiredService<DataBackup>().BackupAsync(folder, CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var directory in new[] { folder, restored })
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// PostgreSQL's counterpart: backed up while one context holds a transaction open and three more records are being archived,
    /// restored as OPERATIONS.md says (createdb from template0 with C.UTF-8, pg_restore), and <c>verify-archive</c> run on the
    /// restored database and data directory passes, with exactly the archive files the dump references.
    /// </summary>
    [SkippableFact]
    // A test of the database under test (PA_TEST_DATABASE) being PostgreSQL, like Database=Sqlite for SQLite: it runs in the
    // second CI pass, which leaves out the tests that bring a cluster of their own (Category=PostgreSQL, run in the first).
    [Trait("Database", "PostgreSQL")]
    public async Task On_postgresql_a_backup_taken_while_the_app_archives_restores_with_pg_restore_and_verifies()
    {
        PostgresCluster.SkipIfUnavailable();
        Skip.IfNot(TestDatabase.IsPostgreSql, $"the service harness runs on PostgreSQL only with {TestDatabase.Variable}=PostgreSQL");
        await harness.SignInAsync("office");
        for (var i = 0; i < 3; i++) (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Succeeded.ShouldBeTrue();
        var pending = new List<int>();
        for (var i = 0; i < 3; i++) pending.Add(await ClosedDisclosureAsync(withAttachment: true));
        var folder = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var restored = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", "restored-" + Guid.NewGuid().ToString("N"));
        var live = new NpgsqlConnectionStringBuilder(harness.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
        var restoredName = "restored_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using (var open = harness.NewDb())
            await using (await open.Database.BeginTransactionAsync())
            {
                (await open.ArchiveRecords.CountAsync()).ShouldBe(3);
                var archiving = Task.Run(async () =>
                {
                    foreach (var id in pending) (await ArchiveAsync(id)).Succeeded.ShouldBeTrue();
                });
                var result = await harness.Services.GetRequiredService<DataBackup>().BackupAsync(folder, CancellationToken.None);
                await archiving;
                result.FileCount.ShouldBeGreaterThan(3);
            }
            File.ReadAllText(Path.Combine(folder, DataBackup.Manifest)).ShouldContain("  " + DataBackup.DumpFile);
            File.Exists(Path.Combine(folder, DataBackup.DatabaseFile)).ShouldBeFalse();

            string[] server = ["-h", live.Host!, "-p", live.Port.ToString(), "-U", live.Username!];
            await RunAsync("createdb", [.. server, "-T", "template0", "-E", "UTF8", "--lc-ctype=C.UTF-8", "--lc-collate=C.UTF-8", restoredName]);
            await RunAsync("pg_restore", [.. server, "-d", restoredName, "--no-owner", "--exit-on-error", Path.Combine(folder, DataBackup.DumpFile)]);
            CopyDirectory(folder, restored);

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = restored });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = restored,
                ["Bureau:TimeZone"] = "Asia/Shanghai",
                [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = new NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = restoredName, Pooling = false }.ConnectionString,
            });
            builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);
            int records;
            await using (var app = builder.Build())
            {
                var (output, error) = (new StringWriter(), new StringWriter());
                var code = await app.RunCommandAsync([CommandLine.VerifyArchive], output, error);
                code.ShouldBe(0, $"{output}{error}");
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                records = await db.ArchiveRecords.CountAsync();
                (await db.ArchiveFiles.CountAsync()).ShouldBe(records);
            }
            // Whatever the interleaving, the backup holds the three archived before it and exactly the files its dump references.
            Console.WriteLine($"records in the restored database: {records} (3 before the backup, 3 archived while it ran)");
            records.ShouldBeInRange(3, 6);
            Directory.EnumerateFiles(Path.Combine(folder, "archive"), "*", SearchOption.AllDirectories).Count().ShouldBe(records);

            await Should.ThrowAsync<IOException>(() => harness.Services.GetRequiredService<DataBackup>().BackupAsync(folder, CancellationToken.None));
        }
        finally
        {
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            foreach (var directory in new[] { folder, restored })
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs one of the cluster's programs, as an operator would from a shell.</summary>
    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(PostgresCluster.BinDirectory!, program)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{program}: {await error}{await output}");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
