using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeadingGroupTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "LeadingGroupMembers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(2000, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "LeadingGroupMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "LeadingGroupMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_LeadingGroupMembers_ValidFrom_ValidUntil",
                table: "LeadingGroupMembers",
                columns: new[] { "ValidFrom", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadingGroupMembers_ValidFrom_ValidUntil",
                table: "LeadingGroupMembers");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "LeadingGroupMembers");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "LeadingGroupMembers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "LeadingGroupMembers");
        }
    }
}
