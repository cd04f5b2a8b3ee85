using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The pragmas run once per native connection: a pooled connection opened again keeps them, a new one gets them.</summary>
[Trait("Database", "Sqlite")]
public sealed class SqlitePragmaInterceptorTests
{
    [Fact]
    public async Task A_pooled_connection_opened_again_keeps_its_pragmas_and_a_new_native_connection_gets_them()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        object first;
        await using (var db = harness.NewDb())
        {
            await db.Database.OpenConnectionAsync();
            first = Handle(db);
            await ShouldHavePragmasAsync(db.Database.GetDbConnection());
        }
        await using (var db = harness.NewDb())
        {
            await db.Database.OpenConnectionAsync();
            Handle(db).ShouldBeSameAs(first, "the pool should hand back the same native connection");
            await ShouldHavePragmasAsync(db.Database.GetDbConnection());
        }

        SqliteConnection.ClearAllPools();
        await using (var db = harness.NewDb())
        {
            await db.Database.OpenConnectionAsync();
            Handle(db).ShouldNotBeSameAs(first);
            await ShouldHavePragmasAsync(db.Database.GetDbConnection());
        }
    }

    private static object Handle(DbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle!;

    private static async Task ShouldHavePragmasAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys;";
        (await command.ExecuteScalarAsync()).ShouldBe(1L);
        command.CommandText = "PRAGMA busy_timeout;";
        (await command.ExecuteScalarAsync()).ShouldBe(5000L);
        command.CommandText = "PRAGMA synchronous;";
        (await command.ExecuteScalarAsync()).ShouldBe(1L);
    }
}
