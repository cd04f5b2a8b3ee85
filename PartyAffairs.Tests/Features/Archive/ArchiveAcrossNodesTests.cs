using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>
/// Issue 22: archiving from two nodes at once. Sixteen writers, eight on each node, archive closed disclosures of one branch
/// for 30 seconds (<c>PA_ARCHIVE_NODES_SECONDS</c> shortens it); the numbers are gap-free and each used once, and the chain
/// verifies on either node. The archive's advisory transaction lock is what makes this hold.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class ArchiveAcrossNodesTests(PostgresCluster cluster, ITestOutputHelper output) : ArchiveTestBase, IClassFixture<PostgresCluster>
{
    private const int Writers = 16;

    // Without PostgreSQL the test skips; the base class still needs a container to set up in.
    protected override async Task<ServiceHarness> CreateHarnessAsync() => PostgresCluster.BinDirectory is null
        ? await ServiceHarness.CreateAsync()
        : await ServiceHarness.CreateAsync(postgreSqlDatabase: await cluster.CreateDatabaseAsync($"pa_archive_{Guid.NewGuid():N}"));

    [SkippableFact]
    public async Task Sixteen_writers_on_two_nodes_archive_for_30_seconds_with_gap_free_numbers_and_a_chain_that_verifies()
    {
        PostgresCluster.SkipIfUnavailable();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PA_ARCHIVE_NODES_SECONDS"), out var s) && s > 0 ? s : 30;
        await using var second = await ServiceHarness.OpenSecondNodeAsync(harness);
        var prepared = Stopwatch.StartNew();
        var pool = new ConcurrentQueue<int>();
        // More than sixteen writers archive in the time (about 70 a second on this machine, alone): the queue runs dry only if
        // they are far faster.
        for (var i = 0; i < 120 * seconds; i++) pool.Enqueue(await ClosedDisclosureAsync(withAttachment: i % 10 == 0, title: $"测试公开事项 {i}"));
        output.WriteLine($"{pool.Count} closed disclosures prepared in {prepared.Elapsed.TotalSeconds:0.0} s");
        await harness.SignInAsync("office");
        await second.SignInAsync("office");

        var numbers = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var running = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var node = writer % 2 == 0 ? harness : second;
            while (running.Elapsed < TimeSpan.FromSeconds(seconds) && pool.TryDequeue(out var id))
            {
                await using var scope = node.NewScope();
                var result = await node.Get<ArchiveService>(scope).ArchiveAsync(id);
                if (result.Succeeded) numbers.Add(result.Value!);
                else failures.Add($"{id}: {result.Message}");
            }
        })));
        output.WriteLine($"{numbers.Count} archived by {Writers} writers on two nodes in {running.Elapsed.TotalSeconds:0.0} s; {pool.Count} left over");

        failures.ShouldBeEmpty();
        pool.ShouldNotBeEmpty("the writers ran out of work before the time was up: prepare more");
        numbers.Order().ShouldBe(Enumerable.Range(1, numbers.Count).Select(n => $"TST-2026-{n:0000}"), "gap-free, each number once");
        await using (var db = harness.NewDb())
        {
            (await db.ArchiveRecords.OrderBy(r => r.ChainIndex).Select(r => r.ChainIndex).ToListAsync())
                .ShouldBe(Enumerable.Range(1, numbers.Count).Select(n => (long)n), "one chain, no index twice or skipped");
        }
        foreach (var node in new[] { harness, second })
        {
            var report = await node.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
            report.Passed.ShouldBeTrue(string.Join("; ", report.Problems));
            report.RecordCount.ShouldBe(numbers.Count);
        }
    }
}
