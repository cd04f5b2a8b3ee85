using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.PostgreSQL.Migrations
{
    /// <summary>
    /// What the SQLite migrations built by hand, in PostgreSQL's terms:
    /// <list type="bullet">
    /// <item>The audit log and the archive are append-only: row triggers refuse UPDATE and DELETE, and a statement trigger
    /// refuses TRUNCATE (which fires no row trigger), whoever asks.</item>
    /// <item>Search: <c>DisclosureSearch</c> (the title, the body's text and the attachments' text of each disclosure) and
    /// <c>ArchiveSearch</c> (each record's number, title and text) are kept by triggers, as SQLite's FTS5 tables were, and
    /// carry <c>pg_trgm</c> GIN indexes, which serve <c>ILIKE '%word%'</c> for words of three characters or more. The
    /// database's LC_CTYPE must be UTF-8 (C.UTF-8): under C, pg_trgm extracts no trigram from Chinese.</item>
    /// </list>
    /// </summary>
    public partial class AppendOnlyAndSearch : Migration
    {
        private static readonly string[] AppendOnlyTables = ["AuditEntries", "ArchiveRecords", "ArchiveFiles"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                END $$;
                """);
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "{table}"
                        FOR EACH ROW EXECUTE FUNCTION "AppendOnly"();
                    CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION "AppendOnly"();
                    """);
            }

            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            // A disclosure's searchable text: its body's plain text, then each attachment's text in upload order.
            migrationBuilder.Sql("""
                CREATE FUNCTION "DisclosureSearch_Refresh"(disclosure integer) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO "DisclosureSearch"(rowid, "Title", "Text")
                    SELECT d."Id", d."Title", coalesce(d."BodyText", '') || chr(10) || coalesce((
                            SELECT string_agg(a."ExtractedText", chr(10) ORDER BY a."Id") FROM "Attachments" a
                            WHERE a."DisclosureId" = d."Id" AND a."ExtractedText" <> ''), '')
                    FROM "Disclosures" d WHERE d."Id" = disclosure
                    ON CONFLICT (rowid) DO UPDATE SET "Title" = EXCLUDED."Title", "Text" = EXCLUDED."Text";
                $$;
                CREATE FUNCTION "Disclosures_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM "DisclosureSearch" WHERE rowid = OLD."Id";
                        RETURN OLD;
                    END IF;
                    PERFORM "DisclosureSearch_Refresh"(NEW."Id");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Disclosures_Search" AFTER INSERT OR UPDATE OF "Title", "BodyText" OR DELETE ON "Disclosures"
                    FOR EACH ROW EXECUTE FUNCTION "Disclosures_Search"();
                CREATE FUNCTION "Attachments_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        PERFORM "DisclosureSearch_Refresh"(OLD."DisclosureId");
                        RETURN OLD;
                    END IF;
                    PERFORM "DisclosureSearch_Refresh"(NEW."DisclosureId");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Attachments_Search" AFTER INSERT OR UPDATE OF "ExtractedText" OR DELETE ON "Attachments"
                    FOR EACH ROW EXECUTE FUNCTION "Attachments_Search"();
                CREATE INDEX "IX_DisclosureSearch_Title_Trigrams" ON "DisclosureSearch" USING gin ("Title" gin_trgm_ops);
                CREATE INDEX "IX_DisclosureSearch_Text_Trigrams" ON "DisclosureSearch" USING gin ("Text" gin_trgm_ops);
                """);

            // The archive's text is in its canonical JSON: the search text an archiving wrote, or an older record's body.
            migrationBuilder.Sql("""
                CREATE TABLE "ArchiveSearch" (
                    rowid integer PRIMARY KEY,
                    "Number" text NOT NULL,
                    "Title" text NOT NULL,
                    "Body" text NOT NULL);
                CREATE FUNCTION "ArchiveRecords_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ArchiveSearch"(rowid, "Number", "Title", "Body")
                    VALUES (NEW."Id", NEW."ArchiveNumber", NEW."Title", coalesce(NEW."CanonicalJson"::jsonb ->> 'SearchText',
                        NEW."CanonicalJson"::jsonb -> 'Disclosure' ->> 'Body', ''));
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "ArchiveRecords_Search" AFTER INSERT ON "ArchiveRecords"
                    FOR EACH ROW EXECUTE FUNCTION "ArchiveRecords_Search"();
                CREATE INDEX "IX_ArchiveSearch_Number_Trigrams" ON "ArchiveSearch" USING gin ("Number" gin_trgm_ops);
                CREATE INDEX "IX_ArchiveSearch_Title_Trigrams" ON "ArchiveSearch" USING gin ("Title" gin_trgm_ops);
                CREATE INDEX "IX_ArchiveSearch_Body_Trigrams" ON "ArchiveSearch" USING gin ("Body" gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArchiveRecords_Search" ON "ArchiveRecords";
                DROP FUNCTION IF EXISTS "ArchiveRecords_Search"();
                DROP TABLE IF EXISTS "ArchiveSearch";
                DROP TRIGGER IF EXISTS "Attachments_Search" ON "Attachments";
                DROP FUNCTION IF EXISTS "Attachments_Search"();
                DROP TRIGGER IF EXISTS "Disclosures_Search" ON "Disclosures";
                DROP FUNCTION IF EXISTS "Disclosures_Search"();
                DROP FUNCTION IF EXISTS "DisclosureSearch_Refresh"(integer);
                DROP INDEX IF EXISTS "IX_DisclosureSearch_Title_Trigrams";
                DROP INDEX IF EXISTS "IX_DisclosureSearch_Text_Trigrams";
                """);
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS "{table}_NoUpdateOrDelete" ON "{table}";
                    DROP TRIGGER IF EXISTS "{table}_NoTruncate" ON "{table}";
                    """);
            }
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AppendOnly"();""");
        }
    }
}
