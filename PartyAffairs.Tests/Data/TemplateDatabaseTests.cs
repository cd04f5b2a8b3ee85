using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>Service tests start from a copy of one migrated template: it must be what migrating from empty gives, and each copy its own.</summary>
[Trait("Database", "Sqlite")]
public sealed class TemplateDatabaseTests
{
    [Fact]
    public async Task The_migrations_apply_to_an_empty_file_and_give_the_template_s_schema()
    {
        await using var fresh = await ServiceHarness.CreateAsync(migrateFromEmpty: true);
        await using var copied = await ServiceHarness.CreateAsync();

        await using (var db = fresh.NewDb())
        {
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
            db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add");
        }
        var freshSchema = await SchemaAsync(fresh);
        freshSchema.Count.ShouldBeGreaterThan(30);
        (await SchemaAsync(copied)).ShouldBe(freshSchema);
        (await UsersAndCalendarAsync(copied)).ShouldBe(await UsersAndCalendarAsync(fresh));
    }

    [Fact]
    public async Task Each_harness_writes_to_its_own_copy_and_the_template_stays_as_migrated()
    {
        var template = await TemplateDatabase.PathAsync();
        var before = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(template)));
        await using var first = await ServiceHarness.CreateAsync();
        await using var second = await ServiceHarness.CreateAsync();

        await using (var db = first.NewDb())
        {
            db.Organizations.Add(new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 0));
            await db.SaveChangesAsync();
        }

        await using (var db = second.NewDb()) (await db.Organizations.CountAsync()).ShouldBe(0);
        Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(template))).ShouldBe(before);
        await using var connection = new SqliteConnection($"Data Source={template};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM AspNetUsers) + (SELECT count(*) FROM CalendarDays) + (SELECT count(*) FROM Organizations)";
        (await command.ExecuteScalarAsync()).ShouldBe(0L, "the template holds the schema only: users and the calendar are each test's");
    }

    private static async Task<List<string>> SchemaAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return await db.Database
            .SqlQueryRaw<string>("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master ORDER BY type, name")
            .ToListAsync();
    }

    private static async Task<string> UsersAndCalendarAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var users = await db.Users.Select(u => u.UserName).ToListAsync();
        var roles = await db.Roles.CountAsync();
        var days = await db.CalendarDays.CountAsync();
        return $"{string.Join(",", users)}; roles={roles}; days={days}";
    }
}
