using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Backup;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Archive;

namespace PartyAffairs.Tests.Features.Backup;

public sealed class DataBackupTests : ArchiveTestBase
{
    [Fact]
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
