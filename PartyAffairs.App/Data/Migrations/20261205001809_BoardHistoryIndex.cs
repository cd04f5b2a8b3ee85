using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_Audience_DisplayFromUtc_State_DisplayUntilUtc",
                table: "Disclosures",
                columns: new[] { "Audience", "DisplayFromUtc", "State", "DisplayUntilUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_Audience_DisplayFromUtc_State_DisplayUntilUtc",
                table: "Disclosures");
        }
    }
}
