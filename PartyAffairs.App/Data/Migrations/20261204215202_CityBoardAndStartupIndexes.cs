using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <summary>
    /// Issue 21 at a city of 300,000 disclosures: the board's display-window index also holds the audience, the organization and
    /// the publication time, so the board counts and sorts what is on display from the index alone; and three partial indexes hold
    /// only the rows the startup conversions look for (bodies without search text, Markdown bodies), so once those are done each
    /// start finds nothing at once instead of scanning every body.
    /// </summary>
    public partial class CityBoardAndStartupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_State_DisplayFromUtc_DisplayUntilUtc",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureVersions_MarkdownBodies",
                table: "DisclosureVersions",
                column: "Id",
                filter: "\"BodyFormat\" = 'Markdown'");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_BodyTextPending",
                table: "Disclosures",
                column: "Id",
                filter: "\"BodyText\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_MarkdownBodies",
                table: "Disclosures",
                column: "Id",
                filter: "\"BodyFormat\" = 'Markdown'");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_State_DisplayFromUtc_DisplayUntilUtc_Audience_OrganizationId_PublishedAtUtc",
                table: "Disclosures",
                columns: new[] { "State", "DisplayFromUtc", "DisplayUntilUtc", "Audience", "OrganizationId", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_DisplayFromUtc_State_Audience",
                table: "Disclosures",
                columns: new[] { "DisplayFromUtc", "State", "Audience" });

            // Without statistics for the new indexes SQLite guessed: it walked the display-window index for the history too
            // (sorting every past row) and the state index for an item's corrections. Statistics of the table's indexes settle it.
            migrationBuilder.Sql("""ANALYZE "Disclosures";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_DisplayFromUtc_State_Audience",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_DisclosureVersions_MarkdownBodies",
                table: "DisclosureVersions");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_BodyTextPending",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_MarkdownBodies",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_State_DisplayFromUtc_DisplayUntilUtc_Audience_OrganizationId_PublishedAtUtc",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_State_DisplayFromUtc_DisplayUntilUtc",
                table: "Disclosures",
                columns: new[] { "State", "DisplayFromUtc", "DisplayUntilUtc" });
        }
    }
}
