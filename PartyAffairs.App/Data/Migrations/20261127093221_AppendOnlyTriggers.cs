using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <summary>
    /// The audit log and the archive are append-only. The application never updates or deletes them;
    /// these triggers make the database refuse it too, whoever asks.
    /// </summary>
    public partial class AppendOnlyTriggers : Migration
    {
        private static readonly string[] Tables = ["AuditEntries", "ArchiveRecords", "ArchiveFiles"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
            }
        }
    }
}
