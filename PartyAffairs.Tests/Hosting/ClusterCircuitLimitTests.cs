using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Issue 22, end to end: one person's live windows on two app nodes on one PostgreSQL database count together against the
/// per-person cap, through Blazor's hub and its filter, and a window closed on one node frees a place on the other.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class ClusterCircuitLimitTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const int MaxPerUser = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task One_persons_windows_on_two_nodes_count_against_one_cap()
    {
        PostgresCluster.SkipIfUnavailable();
        await using var nodes = await ClusterNodes.StartAsync(cluster, new Dictionary<string, string> { ["Circuits:MaxPerUser"] = "3" }, kestrel: true);
        Uri a = nodes.BaseAddress(0), b = nodes.BaseAddress(1);
        // Signed in once, on A; the cookie is good on B (the nodes share their data-protection keys).
        var secretary = await CircuitClient.SignInAsync(a, "secretary");
        var onA = await CircuitClient.FetchPageAsync(a, "/", secretary);
        var onB = await CircuitClient.FetchPageAsync(b, "/", secretary);
        var open = new List<CircuitClient>();
        try
        {
            open.Add(await CircuitClient.StartAsync(a, onA, secretary));
            open.Add(await CircuitClient.StartAsync(b, onB, secretary));
            open.Add(await CircuitClient.StartAsync(a, onA, secretary));
            open.ShouldAllBe(c => c.Error == null && !c.Closed.IsCompleted);

            foreach (var (node, page) in new[] { (b, onB), (a, onA) })
            {
                await using var refused = await CircuitClient.StartAsync(node, page, secretary);
                await refused.Closed.WaitAsync(Patience);
                await Eventually.TrueAsync(() => refused.Error is not null, Patience, $"the refused window on {node} is told why");
                refused.Error.ShouldNotBeNull().ShouldContain($"{MaxPerUser} 个页面窗口");
            }

            // A window closed on A gives its place back to one on B.
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await Eventually.TrueAsync(async () =>
            {
                var again = await CircuitClient.StartAsync(b, onB, secretary);
                if (again.Error is null && !again.Closed.IsCompleted)
                {
                    open.Add(again);
                    return true;
                }
                await again.DisposeAsync();
                return false;
            }, Patience, "a window closed on A frees a place on B");
        }
        finally
        {
            foreach (var client in open) await client.DisposeAsync();
        }
    }
}
