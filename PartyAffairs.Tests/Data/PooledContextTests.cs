using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>Contexts are pooled: what one lease left behind must not surface in the next.</summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task Transitions_of_a_transaction_that_never_committed_are_not_announced_by_the_next_lease_of_the_same_context()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var reviewer = new Actor(await harness.SignInAsync("office"), "office", bureau.Committee, new HashSet<string> { Roles.Office });
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var heard = new List<ChangeEvent>();
        using var subscription = harness.Services.GetRequiredService<LiveEventStream>().Subscribe(events =>
        {
            lock (heard) heard.AddRange(events);
            return Task.CompletedTask;
        });

        var abandoned = harness.NewDb();
        await using (var transaction = await abandoned.Database.BeginTransactionAsync())
        {
            var disclosure = await abandoned.Disclosures.SingleAsync(d => d.Id == bureau.OutOfCatalogueId);
            disclosure.Reject(reviewer, now, "放弃的决定");
            await abandoned.SaveChangesAsync();
        }
        await abandoned.DisposeAsync();

        var factory = harness.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var leased = new List<AppDbContext>();
        try
        {
            AppDbContext db;
            do leased.Add(db = await factory.CreateDbContextAsync());
            while (!ReferenceEquals(db, abandoned) && leased.Count < 2000);
            db.ShouldBeSameAs(abandoned, "the pool should hand the same instance out again");

            await using var transaction = await db.Database.BeginTransactionAsync();
            var disclosure = await db.Disclosures.SingleAsync(d => d.Id == bureau.OutOfCatalogueId);
            disclosure.Approve(reviewer, now, true, "同意");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            foreach (var db in leased) await db.DisposeAsync();
        }

        lock (heard) heard.Select(e => e.Action).ShouldBe([WorkflowAction.Approve]);
    }
}
