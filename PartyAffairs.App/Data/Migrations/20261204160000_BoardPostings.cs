using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoardPostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhotoFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    PhotoContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhotoSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    PhotoSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    PhotoStoredPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardPostings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardPostings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoardPostingItems",
                columns: table => new
                {
                    BoardPostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisclosureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardPostingItems", x => new { x.BoardPostingId, x.DisclosureId });
                    table.ForeignKey(
                        name: "FK_BoardPostingItems_BoardPostings_BoardPostingId",
                        column: x => x.BoardPostingId,
                        principalTable: "BoardPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardPostingItems_Disclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardPostingItems_DisclosureId",
                table: "BoardPostingItems",
                column: "DisclosureId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardPostings_OrganizationId_PostedOn",
                table: "BoardPostings",
                columns: new[] { "OrganizationId", "PostedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardPostingItems");

            migrationBuilder.DropTable(
                name: "BoardPostings");
        }
    }
}
