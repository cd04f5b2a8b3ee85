using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServedDisplayAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevisionReason",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupersededByDisclosureId",
                table: "Disclosures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "Disclosures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_SupersededByDisclosureId",
                table: "Disclosures",
                column: "SupersededByDisclosureId");

            migrationBuilder.AddForeignKey(
                name: "FK_Disclosures_Disclosures_SupersededByDisclosureId",
                table: "Disclosures",
                column: "SupersededByDisclosureId",
                principalTable: "Disclosures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disclosures_Disclosures_SupersededByDisclosureId",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_SupersededByDisclosureId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "RevisionReason",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "SupersededByDisclosureId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "Disclosures");
        }
    }
}
