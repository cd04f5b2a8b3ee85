using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentPeriodIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId",
                table: "Disclosures");
        }
    }
}
