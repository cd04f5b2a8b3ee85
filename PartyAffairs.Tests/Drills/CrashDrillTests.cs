using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// Drill 1: the writer (a child process running real transitions) is killed with SIGKILL at random moments; after each
/// kill the database is whole, every acknowledged transition is there, none is half applied, and at the end the archive
/// chain verifies.
/// </summary>
[Trait("Category", "Drill")]
public sealed class CrashDrillTests(ITestOutputHelper log)
{
    [Fact]
    public Task Killed_twenty_times_mid_write_the_record_stays_whole() => DrillAsync(20);

    [Fact]
    [Trait("Category", "LongDrill")]
    public Task Killed_five_hundred_times_mid_write_the_record_stays_whole() => DrillAsync(500);

    /// <summary>
    /// Kills at random moments until fifty archivings (each copying an 8 MB attachment) were acknowledged; every committed
    /// record verifies and nothing is reported as tampering.
    /// </summary>
    [Fact]
    [Trait("Category", "LongDrill")]
    public Task Killed_at_random_over_fifty_archivings_of_large_attachments_no_false_alarm() => DrillAsync(1000, archivings: 50, attachmentBytes: 8 * 1024 * 1024);

    // The default drills attach a small file, so their disk writes do not slow the tests that run beside them.
    private async Task DrillAsync(int kills, int archivings = 0, int attachmentBytes = 256 * 1024)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-crash", Guid.NewGuid().ToString("N"));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var acknowledged = new Dictionary<int, (string State, int Version)>();
        var archived = 0;
        log.WriteLine($"seed {seed}, data {dataDirectory}");

        for (var kill = 1; kill <= kills; kill++)
        {
            var lines = await RunAndKillAsync(dataDirectory, TimeSpan.FromMilliseconds(random.Next(0, 1500)), attachmentBytes);
            foreach (var parts in lines.Select(l => l.Split(' ')))
            {
                if (parts is ["ACK", var id, var state, var version]) acknowledged[int.Parse(id)] = (state, int.Parse(version));
                if (parts is ["ARCHIVED", ..]) archived++;
            }
            await CheckAsync(dataDirectory, acknowledged);
            if (archivings > 0 && archived >= archivings)
            {
                kills = kill;
                break;
            }
        }

        acknowledged.Count.ShouldBeGreaterThan(0);
        if (archivings > 0) archived.ShouldBeGreaterThanOrEqualTo(archivings);
        await using (var harness = await ServiceHarness.CreateAsync(seedDemo: true, dataDirectory: dataDirectory))
        {
            await using var scope = harness.NewScope();
            var report = await scope.ServiceProvider.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
            report.Problems.ShouldBeEmpty();
            log.WriteLine($"kills survived: {kills}; transitions acknowledged on {acknowledged.Count} items, {archived} archived; archive records {report.RecordCount}, files {report.FileCount}");
        }
    }

    /// <summary>Starts the writer, lets it run past its start-up for the given time, then kills it (SIGKILL) and returns what it printed.</summary>
    private static async Task<List<string>> RunAndKillAsync(string dataDirectory, TimeSpan runFor, int attachmentBytes)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment[CrashDrillWriter.AttachmentBytesVariable] = attachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.ArgumentList.Add(typeof(CrashDrillWriter).Assembly.Location);
        start.ArgumentList.Add(CrashDrillWriter.Verb);
        start.ArgumentList.Add(dataDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The writer did not start.");
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (e.Data == "READY") ready.TrySetResult();
        };
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90))) != ready.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The writer did not get ready: " + string.Join('\n', errors.TakeLast(20)));
        }
        await Task.WhenAny(exited, Task.Delay(runFor));
        if (process.HasExited) throw new InvalidOperationException("The writer stopped by itself: " + string.Join('\n', errors.TakeLast(20)));
        // Process.Kill is SIGKILL on Linux: no finally block, no flush, no shutdown.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (lines) return [.. lines];
    }

    private static async Task CheckAsync(string dataDirectory, IReadOnlyDictionary<int, (string State, int Version)> acknowledged)
    {
        var path = Path.Combine(dataDirectory, "partyaffairs.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            (await command.ExecuteScalarAsync())?.ToString().ShouldBe("ok");
        }

        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using var db = new AppDbContext(options);
        var items = await db.Disclosures.AsNoTracking().Select(d => new { d.Id, d.State, d.Version }).ToDictionaryAsync(d => d.Id);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Disclosure))
            .OrderBy(a => a.Id).Select(a => new { a.EntityId, a.ToState }).ToListAsync();
        var trail = audit.GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.Select(a => a.ToState).ToList());

        foreach (var (id, promised) in acknowledged)
        {
            items.ShouldContainKey(id, $"acknowledged item {id} is missing");
            var item = items[id];
            item.Version.ShouldBeGreaterThanOrEqualTo(promised.Version, $"item {id} lost an acknowledged step");
            if (item.Version == promised.Version) item.State.ToString().ShouldBe(promised.State);
        }
        foreach (var item in items.Values.Where(i => trail.ContainsKey(i.Id)))
        {
            // The state and its audit entry commit together: the last entry names the state, and no step has no entry.
            trail[item.Id][^1].ShouldBe(item.State.ToString(), $"item {item.Id}: state and audit trail disagree");
            trail[item.Id].Count.ShouldBeLessThanOrEqualTo(item.Version + 1, $"item {item.Id}: more audit entries than steps");
        }
    }
}
