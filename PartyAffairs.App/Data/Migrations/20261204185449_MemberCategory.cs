using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberCategory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MemberCategory",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MemberCategory",
                table: "AspNetUsers");
        }
    }
}
