using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin.LoadGeneration;

/// <summary>
/// The generator numbers its rows itself. On PostgreSQL an identity column does not see ids it did not hand out, so without
/// moving each sequence past them the app's next row would take an id the city already uses; SQLite takes the largest plus one.
/// </summary>
public sealed class LoadGeneratorIdentityTests
{
    [Fact]
    public async Task After_a_generated_city_the_apps_next_rows_take_new_ids()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(new LoadOptions(Organizations: 4, Disclosures: 60, Feedback: 20, Archive: 5, Years: 1), null, CancellationToken.None);

        await using var db = harness.NewDb();
        var before = await db.Organizations.MaxAsync(o => o.Id);
        var added = new Organization("压测后新建党支部", "YCXJ", OrganizationKind.Branch, null, 99);
        db.Organizations.Add(added);
        await db.SaveChangesAsync();
        added.Id.ShouldBeGreaterThan(before);

        if (!TestDatabase.IsPostgreSql) return;
        // Every table the generator numbers: its sequence stands at (or past) the largest id in it.
        foreach (var table in new[] { "Organizations", "Catalogues", "CatalogueItems", "CatalogueOccurrences", "Disclosures", "Feedback", "Applications", "AuditEntries", "ArchiveRecords" })
        {
            // The table names are this test's own constants, not input.
            var sql = $"""SELECT coalesce(max("Id"), 0) > coalesce(pg_sequence_last_value(pg_get_serial_sequence('"{table}"', 'Id')), 0) AS "Value" FROM "{table}" """;
            var behind = await db.Database.SqlQueryRaw<bool>(sql).SingleAsync();
            behind.ShouldBeFalse(table);
        }
    }
}
