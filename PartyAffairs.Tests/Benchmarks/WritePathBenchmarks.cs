using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// One approval as the app does it (<see cref="DisclosureReviewService.ApproveAsync"/>: who asks, load, guard, version check,
/// update, approval row, audit entry, commit) against the same statements through raw Microsoft.Data.Sqlite on the same
/// database with the same pragmas, alternating op by op; then 16 writers approving at once for a minute
/// (<c>PA_BENCH_WRITE_SECONDS</c> shortens it), counting every busy/locked error that reaches the caller.
/// </summary>
public sealed class WritePathBenchmarks : IBenchmarkGroup
{
    // Warm-up runs in rounds until a round makes the JIT compile nothing new (tier-up done), within these bounds: the app
    // path runs far more code than the raw one, and timing it while it is still being compiled measures the JIT.
    private const int WarmupRound = 250;
    private const int MaxWarmupRounds = 16;
    private const int Measured = 1000;
    public const int Writers = 16;

    public string Name => "write path";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PA_BENCH_WRITE_SECONDS"), out var s) && s > 0 ? s : 60;
        await using var harness = await ServiceHarness.CreateAsync();
        var (actor, template) = await PrepareAsync(harness);
        var pool = new ConcurrentQueue<int>(await CloneAsync(harness, template, 2 * (WarmupRound * MaxWarmupRounds + Measured) + seconds * 2000));
        log($"{pool.Count} submitted disclosures ready");

        var app = new List<double>();
        var raw = new List<double>();
        await using (var connection = await OpenRawAsync(harness))
        {
            var rounds = 0;
            for (var compiled = -1L; rounds < MaxWarmupRounds && compiled != JitInfo.GetCompiledMethodCount(); rounds++)
            {
                compiled = JitInfo.GetCompiledMethodCount();
                for (var i = 0; i < WarmupRound; i++)
                {
                    await ApproveThroughAppAsync(harness, Take(pool));
                    await ApproveRawAsync(connection, actor, Take(pool));
                }
            }
            log($"warm-up: {rounds * WarmupRound} approvals each way, until the JIT compiled nothing new in a round of {WarmupRound}");
            for (var i = 0; i < Measured; i++)
            {
                app.Add(await TimeAsync(() => ApproveThroughAppAsync(harness, Take(pool))));
                raw.Add(await TimeAsync(() => ApproveRawAsync(connection, actor, Take(pool))));
            }
        }
        var (appP50, appP99, rawP50, rawP99) = (Percentiles.Of(app, 50), Percentiles.Of(app, 99), Percentiles.Of(raw, 50), Percentiles.Of(raw, 99));
        log($"one writer: app p50 {appP50:F2} ms p99 {appP99:F2} ms; raw p50 {rawP50:F2} ms p99 {rawP99:F2} ms");

        var (latencies, busy, otherFailures, firstFailure) = await ConcurrentAsync(harness, pool, TimeSpan.FromSeconds(seconds));
        if (firstFailure is not null) log($"the first failure: {firstFailure}");
        var p999 = Percentiles.Of(latencies, 99.9);
        log($"{Writers} writers for {seconds} s: {latencies.Count} approvals, {busy} busy/locked, {otherFailures} other failures, p99.9 {p999:F1} ms");

        return
        [
            new("Approval, one writer, p50", appP50, "ms", "raw Microsoft.Data.Sqlite, same statements", rawP50, "≤ 3× raw", appP50 <= 3 * rawP50),
            new("Approval, one writer, p99", appP99, "ms", "raw Microsoft.Data.Sqlite, same statements", rawP99, "≤ 3× raw and ≤ 5 ms", appP99 <= 3 * rawP99 && appP99 <= 5),
            new($"Approvals, {Writers} writers × {seconds} s, p99.9", p999, "ms", null, null, "< 500 ms", p999 < 500),
            new($"Busy/locked errors reaching the caller ({latencies.Count} approvals, {otherFailures} other failures)", busy, "errors", null, null, "0", busy == 0 && otherFailures == 0),
        ];
    }

    private static int Take(ConcurrentQueue<int> pool) =>
        pool.TryDequeue(out var id) ? id : throw new InvalidOperationException("Ran out of prepared disclosures.");

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task ApproveThroughAppAsync(ServiceHarness harness, int id)
    {
        await using var scope = harness.NewScope();
        var result = await scope.ServiceProvider.GetRequiredService<DisclosureReviewService>().ApproveAsync(id, 3, true, "同意");
        if (!result.Succeeded) throw new InvalidOperationException($"Approval {id} failed: {result.Message}");
    }

    /// <summary>What the service does, statement by statement: who asks with their roles (one statement), the disclosure with
    /// its catalogue occurrence, then in one IMMEDIATE transaction the approval row, the audit entry and the version-guarded
    /// update. The settings are not read: the app serves them from <c>SettingsCache</c>, filled once before timing starts.</summary>
    private static async Task ApproveRawAsync(SqliteConnection connection, Actor actor, int id)
    {
        await using (var who = Command(connection, """
            SELECT u."Id", u."DisplayName", u."UserName", u."OrganizationId", u."LockoutEnd", r."Name"
            FROM "AspNetUsers" u LEFT JOIN ("AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId") ON ur."UserId" = u."Id"
            WHERE u."Id" = $user ORDER BY ur."UserId", ur."RoleId";
            SELECT d.*, c.* FROM "Disclosures" d LEFT JOIN "CatalogueOccurrences" c ON c."Id" = d."CatalogueOccurrenceId" WHERE d."Id" = $id;
            """, ("$user", actor.UserId), ("$id", id)))
        await using (var reader = await who.ExecuteReaderAsync())
        {
            do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
        }
        var now = DateTime.UtcNow;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var update = Command(connection, """
            UPDATE "Disclosures" SET "State" = 2, "Version" = 4, "ReviewComment" = '同意' WHERE "Id" = $id AND "Version" = 3;
            """, ("$id", id)))
        {
            update.Transaction = transaction;
            if (await update.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("Concurrency conflict.");
        }
        await using (var insert = Command(connection, """
            INSERT INTO "Approvals" ("DisclosureId", "ReviewerId", "ReviewerName", "Decision", "Comment", "ConfidentialityConfirmed", "ApprovedOwnItem", "AtUtc")
            VALUES ($id, $user, $name, 0, '同意', 1, 0, $now);
            INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "OrganizationId", "Action", "FromState", "ToState", "Reason")
            VALUES ($now, $user, $name, 'Disclosure', $id, $org, 'Approve', 'Submitted', 'Approved', '同意');
            """, ("$id", id), ("$user", actor.UserId), ("$name", actor.DisplayName), ("$now", now), ("$org", actor.OrganizationId!.Value)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    /// <summary>The app's connection string and the app's per-connection pragmas (see SqlitePragmaInterceptor).</summary>
    private static async Task<SqliteConnection> OpenRawAsync(ServiceHarness harness)
    {
        var storage = harness.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var connection = new SqliteConnection($"Data Source={storage.DatabasePath};Default Timeout=30;Pooling=True");
        await connection.OpenAsync();
        await using var pragmas = Command(connection, "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary><see cref="Writers"/> reviewers approving at once from the pool until the time is up; busy/locked errors counted apart.</summary>
    public static async Task<(List<double> Latencies, int Busy, int Other, string? FirstFailure)> ConcurrentAsync(ServiceHarness harness,
        ConcurrentQueue<int> pool, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        int busy = 0, other = 0;
        string? firstFailure = null;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (until.Elapsed < duration && pool.TryDequeue(out var id))
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await ApproveThroughAppAsync(harness, id);
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (IsBusy(ex))
                {
                    Interlocked.Increment(ref busy);
                }
                catch (InvalidOperationException ex)
                {
                    Interlocked.Increment(ref other);
                    Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                }
            }
        })));
        return (latencies.ToList(), busy, other, firstFailure);
    }

    public static bool IsBusy(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: 5 or 6 }) return true;
            // PostgreSQL's counterparts: a serialization failure, a deadlock, a lock not available.
            if (ex is Npgsql.PostgresException { SqlState: "40001" or "40P01" or "55P03" }) return true;
        }
        return false;
    }

    /// <summary>An Office reviewer, a branch and one submitted out-of-catalogue disclosure to copy (display starts tomorrow, so approving does not also publish).</summary>
    public static async Task<(Actor Actor, int Template)> PrepareAsync(ServiceHarness harness)
    {
        int organizationId;
        await using (var db = harness.NewDb())
        {
            var organization = new Organization("压测党支部", "YCZB", OrganizationKind.Branch, null, 1);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }
        var userId = await harness.CreateUserAsync("bench-office", organizationId, Roles.Office);
        await harness.SignInAsync("bench-office");
        var actor = new Actor(userId, "bench-office", organizationId, new HashSet<string> { Roles.Office });
        // Drafted by someone else: nobody approves an out-of-catalogue item they drafted themselves.
        var author = new Actor(await harness.CreateUserAsync("bench-drafter", organizationId, Roles.Drafter), "bench-drafter", organizationId,
            new HashSet<string> { Roles.Drafter });
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var disclosure = Disclosure.OutOfCatalogue(organizationId, Category.Other, "压测", Channel.Board, Audience.Public, author, now);
        disclosure.Edit("压测公开事项", "正文", Channel.Board, Audience.Public, now.AddDays(1), now.AddDays(8), false, author, now);
        disclosure.Submit(author, now, []);
        await using (var db = harness.NewDb())
        {
            db.Disclosures.Add(disclosure);
            await db.SaveChangesAsync();
        }
        disclosure.Version.ShouldBe(3);
        return (actor, disclosure.Id);
    }

    /// <summary>Copies of the template in one statement, each just submitted, so every approval is a first one.</summary>
    public static async Task<List<int>> CloneAsync(ServiceHarness harness, int template, int count)
    {
        await using var db = harness.NewDb();
        // A hundred thousand rows, each through PostgreSQL's search trigger and indexes, take longer than a command's 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var first = await db.Disclosures.MaxAsync(d => d.Id) + 1;
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "Disclosures" ("OrganizationId", "CatalogueOccurrenceId", "OutOfCatalogueReason", "Category", "Title", "Body", "Channels", "Audience",
                "DisplayFromUtc", "DisplayUntilUtc", "Important", "Standing", "AuthorId", "AuthorName", "CreatedAtUtc", "LastSavedAtUtc", "SubmittedAtUtc",
                "PublishedAtUtc", "ClosedAtUtc", "ReviewComment", "SensitiveOverrideWords", "SensitiveOverrideReason", "RevisesDisclosureId", "RevisionNumber", "State", "Version", "BodyFormat", "BodyText")
            SELECT d."OrganizationId", d."CatalogueOccurrenceId", d."OutOfCatalogueReason", d."Category", d."Title" || n.i, d."Body", d."Channels", d."Audience",
                d."DisplayFromUtc", d."DisplayUntilUtc", d."Important", d."Standing", d."AuthorId", d."AuthorName", d."CreatedAtUtc", d."LastSavedAtUtc", d."SubmittedAtUtc",
                d."PublishedAtUtc", d."ClosedAtUtc", d."ReviewComment", d."SensitiveOverrideWords", d."SensitiveOverrideReason", d."RevisesDisclosureId", d."RevisionNumber", d."State", d."Version", d."BodyFormat", d."BodyText"
            FROM n, "Disclosures" d WHERE d."Id" = {template}
            """);
        return Enumerable.Range(first, count).ToList();
    }
}
