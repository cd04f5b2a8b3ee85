using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CityScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ReceivedAtUtc_OrganizationId_IsAbusive_WorkingDaysToHandle_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueOccurrences_State_DueDate",
                table: "CatalogueOccurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback",
                columns: new[] { "OrganizationId", "IsAbusive", "WorkingDaysToHandle", "ReceivedAtUtc", "AnsweredAtUtc", "AnswerDueAtUtc", "ResultDisclosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueOccurrences_State_DueDate_CatalogueItemId",
                table: "CatalogueOccurrences",
                columns: new[] { "State", "DueDate", "CatalogueItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_OrganizationId_IsAbusive_WorkingDaysToHandle_ReceivedAtUtc_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_ReceivedAtUtc",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueOccurrences_State_DueDate_CatalogueItemId",
                table: "CatalogueOccurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAtUtc_OrganizationId_IsAbusive_WorkingDaysToHandle_AnsweredAtUtc_AnswerDueAtUtc_ResultDisclosedAtUtc",
                table: "Feedback",
                columns: new[] { "ReceivedAtUtc", "OrganizationId", "IsAbusive", "WorkingDaysToHandle", "AnsweredAtUtc", "AnswerDueAtUtc", "ResultDisclosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueOccurrences_State_DueDate",
                table: "CatalogueOccurrences",
                columns: new[] { "State", "DueDate" });
        }
    }
}
