using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting.Seeding;

/// <summary>
/// Initialization once (issue 22): two nodes started together on an empty PostgreSQL database apply the migrations once and seed
/// once. The counts to match are those of one node alone on another empty database.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class InitializationAcrossNodesTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [SkippableFact]
    public async Task Two_nodes_started_together_on_an_empty_database_migrate_once_and_seed_the_demo_once()
    {
        PostgresCluster.SkipIfUnavailable();
        Counts alone;
        await using (var node = await Nodes.StartAsync(await Nodes.EmptyDatabaseAsync(cluster), seedDemo: true))
            alone = await CountAsync(node);
        alone.Users.ShouldBeGreaterThan(1, "the demo's people, not a lone admin");

        var nodes = await Nodes.StartTogetherAsync(await Nodes.EmptyDatabaseAsync(cluster), 2, seedDemo: true);
        await using var one = nodes[0];
        await using var two = nodes[1];

        await using var db = one.NewDb();
        var history = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """).ToListAsync();
        history.ShouldBe(db.Database.GetMigrations().ToList(), "one migration history");
        (await db.Roles.Select(r => r.Name!).ToListAsync()).Order().ShouldBe(Roles.All.Order(), "one set of roles");
        (await CountAsync(two)).ShouldBe(alone, "the demo seeded once");
    }

    private sealed record Counts(int Users, int Organizations, int Disclosures, int CalendarDays, int Keys);

    private static async Task<Counts> CountAsync(ServiceHarness node)
    {
        await using var db = (PostgresAppDbContext)node.NewDb();
        return new Counts(await db.Users.CountAsync(), await db.Organizations.CountAsync(), await db.Disclosures.CountAsync(),
            await db.CalendarDays.CountAsync(), await db.DataProtectionKeys.CountAsync());
    }
}
