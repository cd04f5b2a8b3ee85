using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Once across nodes (issue 22): on PostgreSQL the background jobs run on the node that holds the job lease, one node at a time;
/// when that node dies another takes the lease within seconds, and a holder whose lease connection breaks stops its jobs. The job
/// here is a probe built on the same <see cref="PeriodicWorker"/> as the schedule and the reminders: it starts when its node may
/// run jobs and stays running until told to stop.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class JobLeaseTests(PostgresCluster cluster, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    [SkippableFact]
    public async Task Only_the_holder_runs_the_jobs_and_when_it_dies_another_node_takes_over_within_seconds()
    {
        PostgresCluster.SkipIfUnavailable();
        var database = await Nodes.EmptyDatabaseAsync(cluster);
        // The default interval, as deployed: the takeover measured is the one an operator gets.
        var interval = new JobLeaseOptions().RetryInterval;
        var nodes = new List<ServiceHarness> { await StartNodeAsync(database, interval), await StartNodeAsync(database, interval) };
        try
        {
            var probes = new[] { await StartProbeAsync(nodes[0]), await StartProbeAsync(nodes[1]) };

            await Eventually.TrueAsync(() => probes.Any(p => p.Running), TimeSpan.FromSeconds(30), "a node runs the job");
            // Long enough for the other node to try again: it must neither take the lease nor run the job beside the holder.
            var watched = Stopwatch.StartNew();
            while (watched.Elapsed < interval * 1.5)
            {
                probes.Count(p => p.Running).ShouldBe(1, "exactly one node runs the job");
                await Task.Delay(50);
            }
            var holder = probes[0].Running ? 0 : 1;
            var other = 1 - holder;
            probes[holder].Starts.ShouldBe(1);
            probes[other].Starts.ShouldBe(0, "the other node never ran it");
            nodes[holder].Services.GetRequiredService<JobLease>().IsHeld.ShouldBeTrue();
            nodes[other].Services.GetRequiredService<JobLease>().IsHeld.ShouldBeFalse();

            // The holder's container goes away with its connections, as a node's process does when it dies.
            var dying = Stopwatch.StartNew();
            var dead = nodes[holder];
            nodes.Remove(dead);
            await dead.DisposeAsync();
            await Eventually.TrueAsync(() => probes[other].Running, TimeSpan.FromSeconds(30), "the other node runs the job");
            var takeover = dying.Elapsed;
            output.WriteLine($"Takeover after the holder died: {Seconds(takeover)} s (retry interval {Seconds(interval)} s)");
            takeover.ShouldBeLessThan(interval * 3, "another node takes over within seconds");
            probes[other].Starts.ShouldBe(1);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_holder_whose_lease_connection_breaks_stops_its_jobs_and_the_lease_is_held_again()
    {
        PostgresCluster.SkipIfUnavailable();
        var database = await Nodes.EmptyDatabaseAsync(cluster);
        var interval = TimeSpan.FromSeconds(1);
        await using var one = await StartNodeAsync(database, interval);
        await using var two = await StartNodeAsync(database, interval);
        var probes = new[] { await StartProbeAsync(one), await StartProbeAsync(two) };
        await Eventually.TrueAsync(() => probes.Any(p => p.Running), TimeSpan.FromSeconds(30), "a node runs the job");
        var holder = probes[0].Running ? probes[0] : probes[1];

        // The server ends the holder's lease session (as a failover of the server or a cut connection would): the lock is gone.
        var broken = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("""
                SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, connection);
            ((long)(await terminate.ExecuteScalarAsync())!).ShouldBe(1L, "one lease session held the lock");
        }

        await Eventually.TrueAsync(() => !holder.Running, TimeSpan.FromSeconds(10), "the holder stops its job");
        output.WriteLine($"The holder stopped its job {Seconds(broken.Elapsed)} s after its lease session ended");
        await Eventually.TrueAsync(() => probes.Count(p => p.Running) == 1, TimeSpan.FromSeconds(30), "a node runs the job again");
        output.WriteLine($"A node ran it again {Seconds(broken.Elapsed)} s after");
        probes.Sum(p => p.Starts).ShouldBe(2, "started once before the break and once after");
        (one.Services.GetRequiredService<JobLease>().IsHeld ^ two.Services.GetRequiredService<JobLease>().IsHeld).ShouldBeTrue("one node holds the lease");
        foreach (var probe in probes) await probe.StopAsync(CancellationToken.None);
    }

    private static Task<ServiceHarness> StartNodeAsync(string database, TimeSpan interval) =>
        Nodes.StartAsync(database,
            settings: new Dictionary<string, string?> { [$"{JobLeaseOptions.Section}:{nameof(JobLeaseOptions.RetryInterval)}"] = interval.ToString("c", CultureInfo.InvariantCulture) },
            configure: services => services.AddSingleton<ProbeJob>());

    private static async Task<ProbeJob> StartProbeAsync(ServiceHarness node)
    {
        var probe = node.Services.GetRequiredService<ProbeJob>();
        await probe.StartAsync(CancellationToken.None);
        return probe;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A periodic job that, once started, runs until its node may no longer run jobs.</summary>
    private sealed class ProbeJob(JobLease lease, TimeProvider time, ILogger<ProbeJob> logger) : PeriodicWorker(lease, time, logger, TimeSpan.FromHours(1))
    {
        private int starts;
        private int running;

        public int Starts => Volatile.Read(ref starts);

        public bool Running => Volatile.Read(ref running) == 1;

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref starts);
            Volatile.Write(ref running, 1);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref running, 0);
            }
        }
    }
}
