using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class YearCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_CatalogueOccurrenceId_Category_Audience_Channels",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId", "RevisesDisclosureId", "CatalogueOccurrenceId", "Category", "Audience", "Channels" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_CatalogueOccurrenceId_Category_Audience_Channels",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId", "RevisesDisclosureId", "OutOfCatalogueReason" });
        }
    }
}
