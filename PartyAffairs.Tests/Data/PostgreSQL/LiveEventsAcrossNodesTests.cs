using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Data.PostgreSQL;

/// <summary>
/// Two nodes (two app containers, each with its listener) on one PostgreSQL database: what one commits reaches the other's
/// <see cref="LiveEventStream"/> — within a second, never for a rollback, once on each node — and a listener whose connection
/// is killed comes back, tells its subscribers to reload, and hears again. PostgreSQL delivers a channel's notifications to
/// a listener in commit order, so "nothing of an earlier transaction" is proven by a later one arriving, not by waiting.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class LiveEventsAcrossNodesTests(PostgresCluster cluster, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly DateTime At = ServiceHarness.DefaultNow.UtcDateTime;

    [SkippableFact]
    public async Task A_transition_committed_on_one_node_reaches_the_other_within_a_second()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_latency");
        await using var _ = a;
        await using var __ = b;
        var bureau = await ReviewBureau.CreateAsync(a.Harness);
        var officeId = await a.Harness.SignInAsync("office");
        var office = new Actor(officeId, "office", bureau.Committee, new HashSet<string> { Roles.Office });

        // The entity's own transition, not DisclosureReviewService: EF's compiled queries (CurrentUser's) keep the model they
        // first ran with, and this PostgreSQL container shares the test process with the SQLite ones.
        await using (var db = a.Harness.NewDb())
        {
            (await db.Disclosures.SingleAsync(d => d.Id == bureau.OutOfCatalogueId)).Approve(office, a.Harness.Time.GetUtcNow().UtcDateTime, true);
            await db.SaveChangesAsync();
        }

        bool Approved(ChangeEvent e) => e is { EntityType: nameof(Disclosure), Action: WorkflowAction.Approve } && e.EntityId == bureau.OutOfCatalogueId;
        var onA = await a.Heard.WaitForAsync(Approved, Deadline, "the approval announced on the node that made it");
        var onB = await b.Heard.WaitForAsync(Approved, Deadline, "the approval heard on the other node");
        onB.Event.ShouldBe(onA.Event);
        (onB.Event.FromState, onB.Event.ToState, onB.Event.OrganizationId).ShouldBe(("Submitted", "Approved", (int?)bureau.BranchA));
        var latency = Stopwatch.GetElapsedTime(onA.At, onB.At);
        output.WriteLine($"node B heard the approval {latency.TotalMilliseconds:0.0} ms after node A's own subscribers did");
        latency.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [SkippableFact]
    public async Task A_rolled_back_transaction_reaches_no_one_and_an_open_one_nobody_until_it_commits()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_rollback");
        await using var _ = a;
        await using var __ = b;

        await using var open = a.Harness.NewDb();
        await using var pending = await open.Database.BeginTransactionAsync();
        open.AuditEntries.Add(Row(2));
        await open.SaveChangesAsync();
        await using (var rolled = a.Harness.NewDb())
        {
            await using var transaction = await rolled.Database.BeginTransactionAsync();
            rolled.AuditEntries.Add(Row(1));
            await rolled.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await SaveAsync(a, Row(3));

        await b.Heard.WaitForAsync(Id(3), Deadline, "a later commit");
        b.Heard.Count(Id(2)).ShouldBe(0, "a transaction still open has told no one");
        await pending.CommitAsync();
        await b.Heard.WaitForAsync(Id(2), Deadline, "the open transaction, once committed");
        await SaveAsync(a, Row(4));
        await b.Heard.WaitForAsync(Id(4), Deadline, "a commit after the rollback");
        b.Heard.Count(Id(1)).ShouldBe(0, "the rolled-back transaction reached the other node");
        a.Heard.Count(Id(1)).ShouldBe(0, "the rolled-back transaction reached its own node");
    }

    [SkippableFact]
    public async Task Each_change_reaches_each_subscriber_once_on_the_node_that_made_it_and_on_the_other()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_once");
        await using var _ = a;
        await using var __ = b;
        var ownOnB = new List<ChangeEvent>();
        using var ownCommits = b.Harness.Services.GetRequiredService<LiveEventStream>().SubscribeToOwnCommits(events =>
        {
            lock (ownOnB) ownOnB.AddRange(events);
            return Task.CompletedTask;
        });

        await SaveAsync(a, Row(10), Row(11));
        await SaveAsync(b, Row(12));
        // A's listener hears its own notification of 10 and 11 before B's of 12: it had every chance to pass them on twice.
        await a.Heard.WaitForAsync(Id(12), Deadline, "the other node's change, through the listener");
        await SaveAsync(a, Row(13));
        await b.Heard.WaitForAsync(Id(13), Deadline, "a later change of the first node");

        foreach (var id in new[] { 10, 11, 12 })
        {
            a.Heard.Count(Id(id)).ShouldBe(1, $"node A heard change {id}");
            b.Heard.Count(Id(id)).ShouldBe(1, $"node B heard change {id}");
        }
        lock (ownOnB) ownOnB.Select(e => e.EntityId).ShouldBe([12], "what writes once per change hears only its own node's commits");
    }

    [SkippableFact]
    public async Task A_listener_whose_connection_is_killed_reconnects_asks_for_a_reload_and_hears_again()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_reconnect");
        await using var _ = a;
        await using var __ = b;
        b.Heard.Count(e => e.IsReload).ShouldBe(1, "the listener asks for one reload when it first listens");
        var before = await ListenerPidAsync(b);
        before.ShouldNotBeNull("the listener shows in pg_stat_activity under its application name");

        var killed = Stopwatch.GetTimestamp();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", before.Value);
            ((bool)(await terminate.ExecuteScalarAsync())!).ShouldBeTrue();
        }
        await SaveAsync(a, Row(21));

        await Eventually.TrueAsync(() => b.Heard.Count(e => e.IsReload) == 2, Deadline, "node B's listener listens again and asks for a reload");
        var reload = b.Heard.All().Last(h => h.Event.IsReload);
        output.WriteLine($"listening again {Stopwatch.GetElapsedTime(killed, reload.At).TotalMilliseconds:0} ms after the connection was killed");
        var after = await ListenerPidAsync(b);
        after.ShouldNotBeNull();
        after.ShouldNotBe(before);
        await SaveAsync(a, Row(22));
        await b.Heard.WaitForAsync(Id(22), Deadline, "a change made after the reconnection");
        a.Heard.Count(e => e.IsReload).ShouldBe(1, "the other node's listener was not disturbed");
    }

    [SkippableFact]
    public async Task Saves_without_a_transaction_of_their_own_reach_the_other_node()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_implicit");
        await using var _ = a;
        await using var __ = b;
        var bureau = await ReviewBureau.CreateAsync(a.Harness);

        // what is saved → what the other node must hear
        var cases = new (string What, Func<Task> Save, Func<ChangeEvent, bool> Heard)[]
        {
            ("a row a service adds itself", () => SaveAsync(a, Row(30)), Id(30)),
            ("an announcement that writes no row", async () =>
            {
                await using var db = a.Harness.NewDb();
                (await db.Disclosures.SingleAsync(d => d.Id == bureau.InCatalogueId)).AnnounceSensitiveWordsChanged(Actor.System, At);
                await db.SaveChangesAsync();
            }, e => e.Action == WorkflowAction.SensitiveWordsChanged && e.EntityId == bureau.InCatalogueId),
            ("an entity's own transition", async () =>
            {
                await using var db = a.Harness.NewDb();
                (await db.Disclosures.SingleAsync(d => d.Id == bureau.InCatalogueId)).Reject(Actor.System, At, "退回修改");
                await db.SaveChangesAsync();
            }, e => e.Action == WorkflowAction.Reject && e.EntityId == bureau.InCatalogueId),
        };
        foreach (var (what, save, heard) in cases)
        {
            await save();
            await b.Heard.WaitForAsync(heard, Deadline, what);
        }
    }

    [SkippableFact]
    public async Task A_transaction_too_big_for_one_notification_arrives_whole_and_an_oversized_reason_is_left_out()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_split");
        await using var _ = a;
        await using var __ = b;
        var longest = new string('改', 2_000);
        var escaped = new string('\u0001', 2_000);

        await using (var db = a.Harness.NewDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AuditEntries.AddRange(Enumerable.Range(40, 8).Select(i => Row(i, longest)));
            db.AuditEntries.Add(Row(48, escaped));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await b.Heard.WaitForAsync(Id(48), Deadline, "the last of nine events of about 6,000 bytes each");
        b.Heard.All().Where(h => h.Event.EntityId is >= 40 and < 48).Select(h => h.Event.Reason).ShouldBe(Enumerable.Repeat(longest, 8));
        b.Heard.All().Single(h => h.Event.EntityId == 48).Event.Reason.ShouldBeNull();
        a.Heard.All().Single(h => h.Event.EntityId == 48).Event.Reason.ShouldBe(escaped, "the writing node's own subscribers hear it whole");
    }

    [SkippableFact]
    public async Task A_bell_rung_on_one_node_rings_on_the_other_once_and_a_reconnected_listener_rings_every_bell()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync("events_bells");
        await using var _ = a;
        await using var __ = b;
        var rung = new Dictionary<string, int>();
        IDisposable Bell(Node node, string name, string userId) => node.Harness.Services.GetRequiredService<NotificationSignal>().Subscribe(userId, () =>
        {
            lock (rung) rung[name] = rung.GetValueOrDefault(name) + 1;
            return Task.CompletedTask;
        });
        int Rung(string name)
        {
            lock (rung) return rung.GetValueOrDefault(name);
        }
        // The same person with a tab on each node, and someone else on B.
        using var onA = Bell(a, "lihong on A", "lihong");
        using var onB = Bell(b, "lihong on B", "lihong");
        using var otherOnB = Bell(b, "wangqiang on B", "wangqiang");
        var signalA = a.Harness.Services.GetRequiredService<NotificationSignal>();
        var signalB = b.Harness.Services.GetRequiredService<NotificationSignal>();

        var raised = Stopwatch.GetTimestamp();
        signalA.Raise(["lihong"]);
        await Eventually.TrueAsync(() => Rung("lihong on B") == 1, Deadline, "her bell on node B rings for a notification written on A");
        output.WriteLine($"node B's bell rang {Stopwatch.GetElapsedTime(raised).TotalMilliseconds:0.0} ms after node A raised it");
        signalB.Raise(["lihong", "wangqiang"]);
        await Eventually.TrueAsync(() => Rung("lihong on A") == 2, Deadline, "her bell on node A rings for one written on B");
        // A third ring, heard on B, proves the first two had every chance to travel back.
        signalA.Raise(["wangqiang"]);
        await Eventually.TrueAsync(() => Rung("wangqiang on B") == 2, Deadline, "his bell on B rings for one written on A");
        (Rung("lihong on A"), Rung("lihong on B"), Rung("wangqiang on B")).ShouldBe((2, 2, 2), "each bell rang once per raise, wherever it was raised");

        // A listener that lost its connection may have missed rings: every bell on its node reads again.
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name", connection);
            terminate.Parameters.AddWithValue("name", b.Listener.ApplicationName);
            await terminate.ExecuteNonQueryAsync();
        }
        await Eventually.TrueAsync(() => Rung("lihong on B") == 3 && Rung("wangqiang on B") == 3, Deadline, "every bell on B after its listener reconnected");
        Rung("lihong on A").ShouldBe(2, "node A's listener was not disturbed");
    }

    private static AuditEntry Row(int id, string? reason = "测试") => new(Actor.System, At, nameof(ArchiveRecord), id, null, WorkflowAction.Archive, null, null, reason);

    private static Func<ChangeEvent, bool> Id(int id) => e => e.EntityType == nameof(ArchiveRecord) && e.EntityId == id;

    private static async Task SaveAsync(Node node, params AuditEntry[] rows)
    {
        await using var db = node.Harness.NewDb();
        db.AuditEntries.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private async Task<int?> ListenerPidAsync(Node node)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @name", connection);
        find.Parameters.AddWithValue("name", node.Listener.ApplicationName);
        return (int?)await find.ExecuteScalarAsync();
    }

    private async Task<(Node A, Node B)> TwoNodesAsync(string database)
    {
        var connectionString = await cluster.CreateDatabaseAsync(database);
        var started = Stopwatch.GetTimestamp();
        var a = await Node.StartAsync(await ServiceHarness.CreateAsync(postgreSqlDatabase: connectionString));
        var b = await Node.StartAsync(await ServiceHarness.CreateAsync(postgreSqlDatabase: connectionString));
        output.WriteLine($"two nodes on a new database in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return (a, b);
    }

    /// <summary>One node: its container, its listener started as the host would, and what its stream was heard to say.</summary>
    private sealed class Node(ServiceHarness harness, PostgresChangeListener listener, Heard heard) : IAsyncDisposable
    {
        public ServiceHarness Harness { get; } = harness;
        public PostgresChangeListener Listener { get; } = listener;
        public Heard Heard { get; } = heard;

        public static async Task<Node> StartAsync(ServiceHarness harness)
        {
            var heard = new Heard(harness.Services.GetRequiredService<LiveEventStream>());
            var listener = harness.Services.GetRequiredService<PostgresChangeListener>();
            await listener.StartAsync(CancellationToken.None);
            // Listening from here on: the reload it publishes once LISTEN is in place.
            await heard.WaitForAsync(e => e.IsReload, Deadline, "the listener starts listening");
            return new Node(harness, listener, heard);
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            Heard.Dispose();
            await Harness.DisposeAsync();
        }
    }

    /// <summary>Every event a stream delivered, with the moment it arrived.</summary>
    private sealed class Heard : IDisposable
    {
        private readonly List<(ChangeEvent Event, long At)> items = [];
        private readonly IDisposable subscription;

        public Heard(LiveEventStream stream) => subscription = stream.Subscribe(events =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (items) items.AddRange(events.Select(e => (e, at)));
            return Task.CompletedTask;
        });

        public IReadOnlyList<(ChangeEvent Event, long At)> All()
        {
            lock (items) return items.ToList();
        }

        public int Count(Func<ChangeEvent, bool> match) => All().Count(h => match(h.Event));

        public Task<(ChangeEvent Event, long At)> WaitForAsync(Func<ChangeEvent, bool> match, TimeSpan deadline, string what) =>
            Eventually.ReturnsAsync(() => Task.FromResult(All().FirstOrDefault(h => match(h.Event))), h => h.Event is not null, deadline, what,
                _ => $"{All().Count} other event(s)");

        public void Dispose() => subscription.Dispose();
    }
}
