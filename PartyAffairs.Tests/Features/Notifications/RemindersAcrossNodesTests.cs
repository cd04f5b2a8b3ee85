using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

/// <summary>
/// Issue 22: the jobs' lease lets one node run the reminders, but in the moment a node that lost the lease has not noticed, two
/// may run them together. They then still write each reminder once (Reminders.WriteMissingAsync holds a lock from its read to its commit).
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class RemindersAcrossNodesTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [SkippableFact]
    public async Task Two_nodes_reminding_at_the_same_moment_write_each_reminder_once()
    {
        PostgresCluster.SkipIfUnavailable();
        var a = await ServiceHarness.CreateAsync(postgreSqlDatabase: await cluster.CreateDatabaseAsync($"pa_reminders_{Guid.NewGuid():N}"));
        await using var _ = a;
        await using var b = await ServiceHarness.OpenSecondNodeAsync(a);
        var bureau = await TestBureau.CreateAsync(a);
        // Thursday 26 November 2026: one overdue, two due within three working days, on two branches.
        await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "党费收缴", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 1)]),
            new PlannedItem(bureau.BranchBId, "发展党员", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 12, 1)]));

        var onA = a.Services.GetRequiredService<OccurrenceReminder>();
        var onB = b.Services.GetRequiredService<OccurrenceReminder>();
        // Five races, each on a clean slate: one could be won by a node that happened to commit before the other read.
        for (var round = 0; round < 5; round++)
        {
            await using (var clean = a.NewDb()) await clean.Notifications.ExecuteDeleteAsync();
            var written = await Task.WhenAll(Task.Run(() => onA.RemindAsync()), Task.Run(() => onB.RemindAsync()));

            written.Sum().ShouldBe(3, $"round {round}: the two runs together wrote each reminder once");
            await using var db = a.NewDb();
            (await db.Notifications.CountAsync()).ShouldBe(3);
            (await db.Notifications.GroupBy(n => new { n.UserId, n.Link, n.Title }).CountAsync()).ShouldBe(3);
        }
    }
}
