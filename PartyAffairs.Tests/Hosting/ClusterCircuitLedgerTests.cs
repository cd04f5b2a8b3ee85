using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Hosting.Circuits;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Issue 22: a person's live circuits count on every node together (<see cref="ClusterCircuitLedger"/>): two ledgers on one
/// database are two nodes. A closed circuit's slot comes back at once; a dead node's slots after the expiry; a live node's
/// never, while it beats.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class ClusterCircuitLedgerTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const int Limit = 3;

    private static readonly CircuitLimitsOptions Options = new() { ClusterHeartbeat = TimeSpan.FromSeconds(30), ClusterExpiry = TimeSpan.FromSeconds(90) };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero));

    private async Task<(ClusterCircuitLedger A, ClusterCircuitLedger B)> TwoNodesAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync($"pa_circuits_{Guid.NewGuid():N}");
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        var database = new DatabaseOptions(DatabaseProvider.PostgreSQL, connectionString);
        return (Node(database), Node(database));
    }

    private ClusterCircuitLedger Node(DatabaseOptions database) =>
        new(database, Microsoft.Extensions.Options.Options.Create(Options), time, NullLogger<ClusterCircuitLedger>.Instance);

    /// <summary>Steps on nodes A and B for one person (or "other", someone else): take, or give back the n-th slot taken; what each take answers.</summary>
    public static TheoryData<string, string> Steps => new()
    {
        // Three across two nodes fill the person's limit; the fourth is refused on either node.
        { "A take, B take, A take, B take, A take", "+ + + - -" },
        // A slot given back on one node is free on the other.
        { "A take, A take, B take, B take, give 1, B take, A take", "+ + + - + -" },
        // Someone else is not held back by the person's circuits.
        { "A take, B take, B take, A other, B other", "+ + + + +" },
    };

    [SkippableTheory]
    [MemberData(nameof(Steps))]
    public async Task A_persons_circuits_count_on_both_nodes_together(string steps, string expected)
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync();
        var taken = new List<CircuitSlot>();
        var answers = new List<string>();

        foreach (var step in steps.Split(", "))
        {
            var words = step.Split(' ');
            if (words[0] == "give")
            {
                await a.GiveAsync(taken[int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture) - 1]);
                continue;
            }
            var node = words[0] == "A" ? a : b;
            var slot = await node.TryTakeAsync(words[1] == "other" ? "user:other" : "user:li", Limit, CancellationToken.None);
            if (slot is not null) taken.Add(slot);
            answers.Add(slot is null ? "-" : "+");
        }

        string.Join(' ', answers).ShouldBe(expected, steps);
    }

    [SkippableFact]
    public async Task Two_nodes_admitting_one_person_at_once_never_exceed_the_limit()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? a : b).TryTakeAsync("user:li", Limit, CancellationToken.None).AsTask()));

        answers.Count(s => s is not null).ShouldBe(Limit);
    }

    [SkippableFact]
    public async Task A_dead_nodes_circuits_stop_counting_after_the_expiry_and_a_live_nodes_never_do()
    {
        PostgresCluster.SkipIfUnavailable();
        var (alive, dead) = await TwoNodesAsync();
        (await alive.TryTakeAsync("user:li", 2, CancellationToken.None)).ShouldNotBeNull();
        (await alive.TryTakeAsync("user:wang", 2, CancellationToken.None)).ShouldNotBeNull();
        (await alive.TryTakeAsync("user:wang", 2, CancellationToken.None)).ShouldNotBeNull();
        (await dead.TryTakeAsync("user:li", 2, CancellationToken.None)).ShouldNotBeNull();

        // Before the expiry the dead node's slot still counts; the live node beats, the dead one does not.
        time.Advance(TimeSpan.FromSeconds(60));
        await alive.BeatAsync(CancellationToken.None);
        (await alive.TryTakeAsync("user:li", 2, CancellationToken.None)).ShouldBeNull("60 s: the dead node's slot has not expired yet");
        time.Advance(TimeSpan.FromSeconds(31));
        await alive.BeatAsync(CancellationToken.None);

        (await alive.TryTakeAsync("user:li", 2, CancellationToken.None)).ShouldNotBeNull("91 s: the dead node's slot expired");
        (await alive.TryTakeAsync("user:li", 2, CancellationToken.None)).ShouldBeNull("the live node's slot still counts");
        (await dead.TryTakeAsync("user:wang", 2, CancellationToken.None)).ShouldBeNull("the live node's beats kept both of wang's slots");
    }

    [SkippableFact]
    public async Task A_node_shutting_down_gives_back_its_slots_at_once()
    {
        PostgresCluster.SkipIfUnavailable();
        var (stopping, other) = await TwoNodesAsync();
        for (var i = 0; i < Limit; i++) (await stopping.TryTakeAsync("user:li", Limit, CancellationToken.None)).ShouldNotBeNull();
        (await other.TryTakeAsync("user:li", Limit, CancellationToken.None)).ShouldBeNull();

        await stopping.StopAsync(CancellationToken.None);

        (await other.TryTakeAsync("user:li", Limit, CancellationToken.None)).ShouldNotBeNull();
    }
}
