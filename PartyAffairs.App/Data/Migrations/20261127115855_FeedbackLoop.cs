using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAbusive",
                table: "Feedback",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PublicSummary",
                table: "Feedback",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RedisclosureId",
                table: "Feedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedToId",
                table: "Feedback",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsAbusive",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "PublicSummary",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "RedisclosureId",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ReportedToId",
                table: "Feedback");
        }
    }
}
