using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardAndAssessmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_State_StepDueAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAtUtc_OrganizationId_IsAbusive_WorkingDaysToHandle_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback",
                columns: new[] { "ReceivedAtUtc", "OrganizationId", "IsAbusive", "WorkingDaysToHandle", "AnsweredAtUtc", "AnswerDueAtUtc", "ResultDisclosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_StepDueAtUtc_State",
                table: "Feedback",
                columns: new[] { "StepDueAtUtc", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId", "RevisesDisclosureId", "OutOfCatalogueReason" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ReceivedAtUtc_OrganizationId_IsAbusive_WorkingDaysToHandle_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_StepDueAtUtc_State",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId_RevisesDisclosureId_OutOfCatalogueReason",
                table: "Disclosures");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_State_StepDueAtUtc",
                table: "Feedback",
                columns: new[] { "State", "StepDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PublishedAtUtc_OrganizationId",
                table: "Disclosures",
                columns: new[] { "PublishedAtUtc", "OrganizationId" });
        }
    }
}
