using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailboxAndTrackingCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "DisclosureId",
                table: "Feedback",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Feedback",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SenderRepliedAtUtc",
                table: "Feedback",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderReply",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingCodeHash",
                table: "Feedback",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_TrackingCodeHash",
                table: "Feedback",
                column: "TrackingCodeHash",
                unique: true,
                filter: "TrackingCodeHash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_TrackingCodeHash",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "SenderRepliedAtUtc",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "SenderReply",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "TrackingCodeHash",
                table: "Feedback");

            migrationBuilder.AlterColumn<int>(
                name: "DisclosureId",
                table: "Feedback",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
