using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <summary>
    /// The register's full-text search: an FTS5 table with the trigram tokenizer (Chinese has no spaces to split on),
    /// filled by a trigger as each archive record is inserted — records are append-only, so inserts are all it needs —
    /// and the verifier's run log.
    /// </summary>
    public partial class ArchiveSearchAndVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchiveVerificationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FileCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveVerificationRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveVerificationRuns_FinishedAtUtc",
                table: "ArchiveVerificationRuns",
                column: "FinishedAtUtc");

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArchiveSearch" USING fts5("Number", "Title", "Body", tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArchiveRecords_Search" AFTER INSERT ON "ArchiveRecords"
                BEGIN
                    INSERT INTO "ArchiveSearch"(rowid, "Number", "Title", "Body")
                    VALUES (NEW."Id", NEW."ArchiveNumber", NEW."Title", coalesce(json_extract(NEW."CanonicalJson", '$.Disclosure.Body'), ''));
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArchiveSearch"(rowid, "Number", "Title", "Body")
                SELECT "Id", "ArchiveNumber", "Title", coalesce(json_extract("CanonicalJson", '$.Disclosure.Body'), '') FROM "ArchiveRecords";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ArchiveRecords_Search";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArchiveSearch";""");
            migrationBuilder.DropTable(
                name: "ArchiveVerificationRuns");
        }
    }
}
