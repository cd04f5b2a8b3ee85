using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class YearCountsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc_DisclosureId_Kind",
                table: "Feedback",
                columns: new[] { "OrganizationId", "IsAbusive", "WorkingDaysToHandle", "ReceivedAtUtc", "AnsweredAtUtc", "AnswerDueAtUtc", "ResultDisclosedAtUtc", "DisclosureId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_CatalogueOccurrenceId_Category_Audience_Channels",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId", "RevisesDisclosureId", "CatalogueOccurrenceId", "Category", "Audience", "Channels" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc_DisclosureId_Kind",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_CatalogueOccurrenceId_Category_Audience_Channels",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback",
                columns: new[] { "OrganizationId", "IsAbusive", "WorkingDaysToHandle", "ReceivedAtUtc", "AnsweredAtUtc", "AnswerDueAtUtc", "ResultDisclosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId", "RevisesDisclosureId", "OutOfCatalogueReason" });
        }
    }
}
