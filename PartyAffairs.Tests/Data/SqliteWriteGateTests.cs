using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>Writers queue in the process, first come first served, and no busy database ever reaches a person.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Waiters_enter_in_the_order_they_came()
    {
        var gate = new SqliteWriteGate();
        var order = new List<int>();
        var first = await gate.EnterAsync(CancellationToken.None);
        var waiting = Enumerable.Range(1, 3).Select(async i =>
        {
            using var turn = await gate.EnterAsync(CancellationToken.None);
            lock (order) order.Add(i);
        }).ToList();
        order.ShouldBeEmpty();
        first.Dispose();
        await Task.WhenAll(waiting);
        order.ShouldBe([1, 2, 3]);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task An_audited_save_waits_for_its_turn()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var gate = harness.Services.GetRequiredService<SqliteWriteGate>();
        var turn = await gate.EnterAsync(CancellationToken.None);
        await using var db = harness.NewDb();
        db.Organizations.Add(new Organization("支部", "ZB", OrganizationKind.Branch, null, 1));
        await db.SaveChangesAsync();
        var actor = new Actor("nobody", "nobody", null, new HashSet<string>());
        var author = await harness.CreateUserAsync("author", null, Roles.Office);
        var disclosure = Disclosure.OutOfCatalogue(db.Organizations.Single().Id, Category.Other, "原因", Channel.Board, Audience.Public,
            actor with { UserId = author }, harness.Time.GetUtcNow().UtcDateTime);
        db.Disclosures.Add(disclosure);

        var save = db.SaveChangesAsync();
        // The save cannot finish while another write holds the turn; once released it completes.
        (await Task.WhenAny(save, Task.Delay(300))).ShouldNotBe(save);
        turn.Dispose();
        await save;
        disclosure.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Sixteen_reviewers_approving_at_once_all_succeed()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        int organizationId;
        await using (var db = harness.NewDb())
        {
            var organization = new Organization("支部", "ZB", OrganizationKind.Branch, null, 1);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        }
        await harness.CreateUserAsync("office-a", organizationId, Roles.Office);
        // Written by a colleague: nobody approves their own out-of-catalogue item.
        var authorId = await harness.CreateUserAsync("office-b", organizationId, Roles.Office);
        await harness.SignInAsync("office-a");
        var actor = new Actor(authorId, "office-b", organizationId, new HashSet<string> { Roles.Office });
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        await using (var db = harness.NewDb())
        {
            for (var i = 0; i < 64; i++)
            {
                var d = Disclosure.OutOfCatalogue(organizationId, Category.Other, "原因", Channel.Board, Audience.Public, actor, now);
                d.Edit($"事项{i}", "正文", Channel.Board, Audience.Public, now.AddDays(1), now.AddDays(8), false, actor, now);
                d.Submit(actor, now, []);
                db.Disclosures.Add(d);
            }
            await db.SaveChangesAsync();
            ids.AddRange(await db.Disclosures.Select(d => d.Id).ToListAsync());
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var mine = new List<bool>();
            foreach (var id in ids.Where((_, i) => i % 16 == w))
            {
                await using var scope = harness.NewScope();
                mine.Add((await scope.ServiceProvider.GetRequiredService<DisclosureReviewService>().ApproveAsync(id, 3, true, null)).Succeeded);
            }
            return mine;
        })));

        results.SelectMany(r => r).ShouldAllBe(ok => ok);
        await using var check = harness.NewDb();
        (await check.Disclosures.CountAsync(d => d.State == DisclosureState.Approved)).ShouldBe(64);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task Every_connection_gets_the_apps_pragmas()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task<long> Pragma(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        (await Pragma("foreign_keys")).ShouldBe(1);
        (await Pragma("busy_timeout")).ShouldBe(5000);
        // 1 = NORMAL: in WAL mode a commit no longer waits for an fsync.
        (await Pragma("synchronous")).ShouldBe(1);
    }
}
