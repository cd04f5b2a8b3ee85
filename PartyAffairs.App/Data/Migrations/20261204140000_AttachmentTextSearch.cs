using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <summary>
    /// Search inside attachments. Each attachment keeps its extracted text and how reading it went (existing files are
    /// Pending until the startup backfill reads them); each disclosure keeps its body's plain text (BodyText, set on every
    /// save). The board searches a trigram FTS5 table keyed by the disclosure's id, which triggers keep current from the
    /// title, BodyText and the attachments' text — whichever of them changes. New archive records index the snapshot's
    /// SearchText (body and attachment text) instead of the body alone; records already stored keep their index rows.
    /// </summary>
    public partial class AttachmentTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "Disclosures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtractedText",
                table: "Attachments",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TextState",
                table: "Attachments",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DisclosureSearch" USING fts5("Title", "Text", tokenize = 'trigram');
                """);
            foreach (var (name, on, id) in Refreshers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}" {on}
                    BEGIN
                        DELETE FROM "DisclosureSearch" WHERE rowid = {id};
                        {Row(id)};
                    END;
                    """);
            }
            migrationBuilder.Sql("""
                CREATE TRIGGER "Disclosures_SearchDelete" AFTER DELETE ON "Disclosures"
                BEGIN
                    DELETE FROM "DisclosureSearch" WHERE rowid = OLD."Id";
                END;
                """);
            migrationBuilder.Sql($"""INSERT INTO "DisclosureSearch"(rowid, "Title", "Text") SELECT d."Id", d."Title", {Text} FROM "Disclosures" d;""");

            migrationBuilder.Sql("""DROP TRIGGER "ArchiveRecords_Search";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArchiveRecords_Search" AFTER INSERT ON "ArchiveRecords"
                BEGIN
                    INSERT INTO "ArchiveSearch"(rowid, "Number", "Title", "Body")
                    VALUES (NEW."Id", NEW."ArchiveNumber", NEW."Title", coalesce(json_extract(NEW."CanonicalJson", '$.SearchText'),
                        json_extract(NEW."CanonicalJson", '$.Disclosure.Body'), ''));
                END;
                """);
        }

        /// <summary>The searchable text of disclosure <c>d</c>: its body's plain text, then each attachment's text in upload order.</summary>
        private const string Text = """
            coalesce(d."BodyText", '') || char(10) || coalesce((SELECT group_concat(a."ExtractedText", char(10))
                FROM (SELECT "ExtractedText" FROM "Attachments" WHERE "DisclosureId" = d."Id" AND "ExtractedText" <> '' ORDER BY "Id") a), '')
            """;

        private static string Row(string id) =>
            $"""INSERT INTO "DisclosureSearch"(rowid, "Title", "Text") SELECT d."Id", d."Title", {Text} FROM "Disclosures" d WHERE d."Id" = {id}""";

        /// <summary>Every change that alters a disclosure's searchable text rewrites its row (FTS5 rows are replaced, not edited).</summary>
        private static readonly (string Name, string On, string Id)[] Refreshers =
        [
            ("Disclosures_SearchInsert", """AFTER INSERT ON "Disclosures" """, """NEW."Id" """),
            ("Disclosures_SearchUpdate", """AFTER UPDATE OF "Title", "BodyText" ON "Disclosures" """, """NEW."Id" """),
            ("Attachments_SearchInsert", """AFTER INSERT ON "Attachments" """, """NEW."DisclosureId" """),
            ("Attachments_SearchUpdate", """AFTER UPDATE OF "ExtractedText" ON "Attachments" """, """NEW."DisclosureId" """),
            ("Attachments_SearchDelete", """AFTER DELETE ON "Attachments" """, """OLD."DisclosureId" """),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ArchiveRecords_Search";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArchiveRecords_Search" AFTER INSERT ON "ArchiveRecords"
                BEGIN
                    INSERT INTO "ArchiveSearch"(rowid, "Number", "Title", "Body")
                    VALUES (NEW."Id", NEW."ArchiveNumber", NEW."Title", coalesce(json_extract(NEW."CanonicalJson", '$.Disclosure.Body'), ''));
                END;
                """);
            foreach (var (name, _, _) in Refreshers) migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{name}";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Disclosures_SearchDelete";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DisclosureSearch";""");

            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "ExtractedText",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "TextState",
                table: "Attachments");
        }
    }
}
