using Microsoft.AspNetCore.SignalR.Client;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// The circuit abuse drills at length, on demand (<c>--filter Category=LongDrill</c>), against the app's real limits
/// (20 windows a person, 30 calls a second): hundreds of windows from one account, several clients flooding for half a
/// minute, a client that never acknowledges through hundreds of changes. Other users' latency is written to the output.
/// </summary>
[Trait("Category", "LongDrill")]
[Trait("Category", "Drill")]
public sealed class CircuitAbuseLongTests(AppServer server, ITestOutputHelper output) : IClassFixture<AppServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_hundred_windows_from_one_account_get_twenty_the_rest_are_refused()
    {
        var cookie = await CircuitClient.SignInAsync(server.BaseAddress, "drafter");
        var page = await CircuitClient.FetchPageAsync(server.BaseAddress, "/", cookie);
        var clients = new List<CircuitClient>();
        try
        {
            for (var i = 0; i < 300; i++) clients.Add(await CircuitClient.StartAsync(server.BaseAddress, page, cookie));
            var live = clients.Count(c => c.Error is null && !c.Closed.IsCompleted);
            output.WriteLine($"300 windows asked for: {live} live, {clients.Count - live} refused");
            live.ShouldBe(20);
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Five_flooding_clients_for_thirty_seconds_are_cut_off_and_another_users_latency_is_measured()
    {
        var office = await CircuitClient.SignInAsync(server.BaseAddress, "office");
        var leader = await CircuitClient.SignInAsync(server.BaseAddress, "leader");
        await using var victim = await CircuitClient.StartAsync(server.BaseAddress, await CircuitClient.FetchPageAsync(server.BaseAddress, "/dashboard", leader),
            leader, readyText: "dashboard-updated");
        var page = await CircuitClient.FetchPageAsync(server.BaseAddress, "/dashboard", office);
        var probe = new CircuitProbe(server.Services);
        var before = await probe.LatencyAsync(victim, 20);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var abusers = new List<CircuitClient>();
        for (var i = 0; i < 5; i++) abusers.Add(await CircuitClient.StartAsync(server.BaseAddress, page, office));
        var floods = abusers.Select(abuser => Task.Run(async () =>
        {
            try
            {
                while (!abuser.Closed.IsCompleted && !stop.IsCancellationRequested) await abuser.SendDotNetCallAsync(cancellationToken: stop.Token);
            }
            catch (Exception) when (abuser.Connection.State != HubConnectionState.Connected || stop.IsCancellationRequested)
            {
                // Cut off, or the drill is over.
            }
        })).ToList();
        var during = await probe.LatencyAsync(victim, 20);
        await Task.WhenAll(floods).WaitAsync(Patience);

        output.WriteLine($"other user's latency before: p50 {Median(before):F0} ms, max {before.Max():F0} ms; during: p50 {Median(during):F0} ms, max {during.Max():F0} ms");
        abusers.ShouldAllBe(a => a.Closed.IsCompleted);
        foreach (var abuser in abusers) await abuser.DisposeAsync();
    }

    [Fact]
    public async Task A_client_that_never_acknowledges_through_three_hundred_changes_holds_the_server_to_a_bounded_memory()
    {
        var office = await CircuitClient.SignInAsync(server.BaseAddress, "office");
        var page = await CircuitClient.FetchPageAsync(server.BaseAddress, "/dashboard", office);
        await using var witness = await CircuitClient.StartAsync(server.BaseAddress, page, office, readyText: "dashboard-updated");
        var silent = new List<CircuitClient>();
        for (var i = 0; i < 10; i++) silent.Add(await CircuitClient.StartAsync(server.BaseAddress, page, office, acknowledgeBatches: false));
        var probe = new CircuitProbe(server.Services);
        await probe.LatencyAsync(witness, 20);
        var start = ManagedMemory();

        await probe.LatencyAsync(witness, 300);

        var growthKb = (ManagedMemory() - start) / 1024.0;
        output.WriteLine($"10 silent clients through 300 changes: {string.Join(", ", silent.Select(s => s.Batches))} batches each; managed memory grew {growthKb:F0} KB");
        silent.ShouldAllBe(s => s.Batches <= 10);
        growthKb.ShouldBeLessThan(10 * 1024);
        foreach (var client in silent) await client.DisposeAsync();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long ManagedMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
