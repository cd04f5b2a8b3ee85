using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class BodyFormatHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every body stored so far is Markdown; MarkdownBodyConversion rewrites them as HTML at the next start.
            // New rows are written by EF with their format (Html), so the column default only ever marks old rows.
            migrationBuilder.AddColumn<string>(
                name: "BodyFormat",
                table: "DisclosureVersions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Markdown");

            migrationBuilder.AddColumn<string>(
                name: "BodyFormat",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Markdown");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyFormat",
                table: "DisclosureVersions");

            migrationBuilder.DropColumn(
                name: "BodyFormat",
                table: "Disclosures");
        }
    }
}
