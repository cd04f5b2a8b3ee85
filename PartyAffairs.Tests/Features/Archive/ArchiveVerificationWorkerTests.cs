using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>
/// The nightly verification's worker on a fake clock (bureau time is UTC+8): it runs at 02:00, and a node that starts the jobs
/// during the night makes up that night's run when it is not on record (the node before it died at 02:00, in the middle of it).
/// </summary>
public sealed class ArchiveVerificationWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A time in bureau time, as the fake clock's UTC.</summary>
    private static DateTimeOffset Local(string at) => new(DateTime.Parse(at).AddHours(-8), TimeSpan.Zero);

    [Fact]
    public async Task A_node_taking_the_jobs_over_at_02_00_05_with_no_run_on_record_verifies_at_once()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: Local("2026-11-26 02:00:05"));

        await using var worker = await StartAsync(harness);

        var runs = await Eventually.ReturnsAsync(() => NightlyStartsAsync(harness), r => r.Count > 0, Patience, "tonight's run is made up");
        runs.ShouldBe([Local("2026-11-26 02:00:05").UtcDateTime]);
    }

    [Theory]
    // Tonight's run finished before the node died: the next one is tomorrow's.
    [InlineData("2026-11-26 02:30:00", "2026-11-26 02:00:00")]
    // Started in the day: the night is over, nothing is made up.
    [InlineData("2026-11-26 10:00:00", null)]
    public async Task Otherwise_the_next_run_is_at_the_next_02_00(string start, string? tonightsRun)
    {
        await using var harness = await ServiceHarness.CreateAsync(now: Local(tonightsRun ?? start));
        if (tonightsRun is not null)
        {
            // Recorded as the worker records it, by the recorder at that time.
            await using var scope = harness.NewScope();
            await scope.ServiceProvider.GetRequiredService<ArchiveVerificationRecorder>()
                .RunAsync(ArchiveVerificationRecorder.Nightly, null, null, CancellationToken.None);
            harness.Time.SetUtcNow(Local(start));
        }
        var before = (await NightlyStartsAsync(harness)).Count;

        await using var worker = await StartAsync(harness);
        // The clock moves five minutes at a time until the next night's run appears. When the worker begins its wait (after
        // its check for a missed run) is not seen from here, so that run may start a step after 02:00; but it is the only one.
        var runs = await NightlyStartsAsync(harness);
        while (runs.Count == before && harness.Time.GetUtcNow() < Local("2026-11-27 06:00:00"))
        {
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(5);
            runs = await NightlyStartsAsync(harness);
        }
        runs = await Eventually.ReturnsAsync(() => NightlyStartsAsync(harness), r => r.Count > before, Patience, "the next night's run");

        var next = runs.Skip(before).ShouldHaveSingleItem();
        next.ShouldBeInRange(Local("2026-11-27 02:00:00").UtcDateTime, Local("2026-11-27 02:10:00").UtcDateTime);
    }

    /// <summary>Starts the worker and waits until this node holds the jobs' lease (on PostgreSQL it connects for it first).</summary>
    private static async Task<RunningWorker> StartAsync(ServiceHarness harness)
    {
        var worker = harness.Services.GetServices<IHostedService>().OfType<ArchiveVerificationWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        var lease = harness.Services.GetRequiredService<JobLease>();
        await Eventually.TrueAsync(() => lease.IsHeld, Patience, "the job lease is held");
        return new RunningWorker(worker);
    }

    private static async Task<List<DateTime>> NightlyStartsAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return await db.ArchiveVerificationRuns.Where(r => r.Trigger == ArchiveVerificationRecorder.Nightly)
            .OrderBy(r => r.StartedAtUtc).Select(r => r.StartedAtUtc).ToListAsync();
    }

    private sealed class RunningWorker(ArchiveVerificationWorker worker) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await worker.StopAsync(CancellationToken.None);
    }
}
