using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServedDisplayBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Its own migration: in ServedDisplayAndCorrections these statements would run while SQLite's rebuild of
            // Disclosures (for the new foreign key) is still pending, which EF warns may not see the table as expected.
            // When each withdrawn item was withdrawn, and why each correction was opened: both were only in the audit log.
            migrationBuilder.Sql("""
                UPDATE Disclosures SET WithdrawnAtUtc = (SELECT MAX(a.AtUtc) FROM AuditEntries a
                    WHERE a.EntityType = 'Disclosure' AND a.EntityId = Disclosures.Id AND a.Action = 'Withdraw')
                WHERE State = 6;
                """);
            migrationBuilder.Sql("""
                UPDATE Disclosures SET RevisionReason = (SELECT a.Reason FROM AuditEntries a
                    WHERE a.EntityType = 'Disclosure' AND a.EntityId = Disclosures.RevisesDisclosureId AND a.Action = 'Revise'
                      AND a.AtUtc <= Disclosures.CreatedAtUtc ORDER BY a.AtUtc DESC, a.Id DESC LIMIT 1)
                WHERE RevisesDisclosureId IS NOT NULL;
                """);
            // A correction carries the catalogue occurrence of the item it corrects (one rule for "in catalogue"): each
            // pass reaches one more step down a chain of corrections; chains in the first year are two or three long.
            for (var step = 0; step < 20; step++)
            {
                migrationBuilder.Sql("""
                    UPDATE Disclosures SET CatalogueOccurrenceId = (SELECT o.CatalogueOccurrenceId FROM Disclosures o WHERE o.Id = Disclosures.RevisesDisclosureId)
                    WHERE RevisesDisclosureId IS NOT NULL AND CatalogueOccurrenceId IS NULL;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
