using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ApplicantContact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", nullable: true),
                    ApplicantOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredById = table.Column<string>(type: "TEXT", nullable: true),
                    TrackingCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Withheld = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RefusalText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DisclosureId = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredLate = table.Column<bool>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Disclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_DisclosureId",
                table: "Applications",
                column: "DisclosureId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_OrganizationId_ReceivedAtUtc",
                table: "Applications",
                columns: new[] { "OrganizationId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ReceivedAtUtc",
                table: "Applications",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_State_DueOn",
                table: "Applications",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedById",
                table: "Applications",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_TrackingCodeHash",
                table: "Applications",
                column: "TrackingCodeHash",
                unique: true,
                filter: "TrackingCodeHash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Applications");
        }
    }
}
