using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficialCalendarYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueFrom",
                table: "CatalogueOccurrences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            // Until now the only calendars were the bundled notice and the Admin's imports of notices: a year with days is official.
            migrationBuilder.Sql("""
                INSERT INTO CalendarYears (Year, ImportedAtUtc, ImportedById)
                SELECT DISTINCT CAST(substr(Date, 1, 4) AS INTEGER), strftime('%Y-%m-%d %H:%M:%S', 'now'), 'system'
                FROM CalendarDays;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropColumn(
                name: "DueFrom",
                table: "CatalogueOccurrences");
        }
    }
}
