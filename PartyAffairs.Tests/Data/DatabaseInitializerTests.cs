using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task First_start_without_demo_creates_only_an_admin_and_the_2026_calendar()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: false);
        await using var db = harness.NewDb();

        var users = await db.Users.Select(u => u.UserName).ToListAsync();
        users.ShouldBe(["admin"]);
        (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(Roles.All, ignoreOrder: true);
        var calendar = await db.CalendarDays.ToListAsync();
        calendar.Count.ShouldBe(39);
        calendar.Single(d => d.Date == new DateOnly(2026, 10, 10)).Kind.ShouldBe(CalendarDayKind.Workday);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task The_database_runs_in_WAL_mode_with_foreign_keys_on()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        (await command.ExecuteScalarAsync()).ShouldBe("wal");
        command.CommandText = "PRAGMA foreign_keys;";
        (await command.ExecuteScalarAsync()).ShouldBe(1L);
        command.CommandText = "PRAGMA busy_timeout;";
        (await command.ExecuteScalarAsync()).ShouldBe(5000L);
    }
}
