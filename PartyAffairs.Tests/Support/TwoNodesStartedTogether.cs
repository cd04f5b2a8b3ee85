using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Two nodes started at the same moment on an empty PostgreSQL database, as a deployment's nodes come up after a reboot: both
/// the built app as child processes (<see cref="AppProcess"/>), so neither has a head start, on one shared data folder.
/// A node that fails to start is kept as <see cref="Failure"/> for the test to report, rather than failing the fixture.
/// </summary>
public sealed class TwoNodesStartedTogether : IAsyncLifetime
{
    private readonly PostgresCluster cluster = new();
    private readonly List<AppProcess> started = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "partyaffairs-nodes", Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<AppProcess> Nodes => started;

    /// <summary>Why a node did not start (its last output), or null.</summary>
    public string? Failure { get; private set; }

    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        if (PostgresCluster.BinDirectory is null) return;
        await cluster.InitializeAsync();
        ConnectionString = await cluster.CreateDatabaseAsync("partyaffairs");
        Directory.CreateDirectory(DataDirectory);
        var settings = TwoNodes.NodeSettings(ConnectionString);
        var clock = Stopwatch.GetTimestamp();
        var starts = Enumerable.Range(0, 2).Select(_ => AppProcess.StartAsync(DataDirectory, settings)).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch (Exception)
        {
            Failure = string.Join("\n\n", starts.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!.Message));
        }
        started.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        StartedIn = Stopwatch.GetElapsedTime(clock);
    }

    public AppDbContext NewDb() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task DisposeAsync()
    {
        foreach (var node in started) await node.DisposeAsync();
        await cluster.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
