using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.Migrations
{
    /// <summary>
    /// Feedback records the facts the assessment counts when its steps happen: the answer step's deadline when it is assigned,
    /// the working days it took when its result is disclosed. Existing rows are filled in SQL with exactly what the assessment
    /// worked out before: the deadline from the first "Assign" entry of the audit trail (else the receipt) with the answer
    /// step's working days set now, and the working days on the calendar as it stands now. Days are the bureau's, in China's
    /// one offset all year (UTC+8); a day is a working day as <see cref="Domain.WorkingCalendar"/> says (weekdays, less the
    /// holidays, plus the make-up days of "CalendarDays").
    /// </summary>
    public partial class FeedbackStepFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnswerDueAtUtc",
                table: "Feedback",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysToHandle",
                table: "Feedback",
                type: "INTEGER",
                nullable: true);

            Backfill(migrationBuilder);
        }

        private static void Backfill(MigrationBuilder migrationBuilder)
        {
            // The setting's key and default, written out: a migration must not change with the code of a later feature.
            var answerDays = """
                (SELECT coalesce((SELECT CAST("Value" AS INTEGER) FROM "Settings" WHERE "Key" = 'FeedbackAnswerWorkingDays'),
                    5))
                """;
            // The bureau's day of each moment; substr keeps whole seconds, as DateOnly.FromDateTime does (SQLite would round to milliseconds).
            static string Day(string utc) => $"""date(substr({utc}, 1, 19), '+8 hours')""";

            migrationBuilder.Sql($"""
                CREATE TEMP TABLE "FeedbackFactStarts" ("Id" INTEGER PRIMARY KEY, "AssignedOn" TEXT NOT NULL, "ReceivedOn" TEXT NOT NULL, "HandledOn" TEXT);
                """);
            migrationBuilder.Sql($"""
                INSERT INTO temp."FeedbackFactStarts"
                SELECT f."Id",
                    {Day("""coalesce((SELECT min(a."AtUtc") FROM "AuditEntries" a WHERE a."EntityType" = 'Feedback' AND a."EntityId" = f."Id" AND a."Action" = 'Assign'), f."ReceivedAtUtc")""")},
                    {Day("""f."ReceivedAtUtc" """)},
                    {Day("""coalesce(f."ResultDisclosedAtUtc", f."ClosedAtUtc")""")}
                FROM "Feedback" f;
                """);

            // Every day the figures touch, with whether it is a working day and how many working days there are up to it:
            // working days strictly after A up to B = Count(B) - Count(A); the N-th working day after A has Count(A) + N.
            migrationBuilder.Sql($"""
                CREATE TEMP TABLE "FeedbackFactDays" ("Day" TEXT NOT NULL PRIMARY KEY, "Working" INTEGER NOT NULL, "Count" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql($"""
                WITH RECURSIVE
                    "Bounds" AS (
                        SELECT min(min("AssignedOn"), min("ReceivedOn")) AS "First",
                            date(max(max("AssignedOn"), max(coalesce("HandledOn", "ReceivedOn"))), '+' || (2 * {answerDays} + 30) || ' days') AS "Last"
                        FROM temp."FeedbackFactStarts"),
                    "Days" ("Day") AS (
                        SELECT "First" FROM "Bounds" WHERE "First" IS NOT NULL
                        UNION ALL
                        SELECT date("Day", '+1 day') FROM "Days", "Bounds" WHERE "Day" < "Last")
                INSERT INTO temp."FeedbackFactDays" ("Day", "Working", "Count")
                SELECT "Day", "Working", sum("Working") OVER (ORDER BY "Day")
                FROM (SELECT d."Day", coalesce(c."Kind" = 1, strftime('%w', d."Day") NOT IN ('0', '6')) AS "Working"
                      FROM "Days" d LEFT JOIN "CalendarDays" c ON c."Date" = d."Day");
                """);
            migrationBuilder.Sql($"""
                CREATE INDEX temp."IX_FeedbackFactDays_Count" ON "FeedbackFactDays" ("Working", "Count");
                """);

            // The end of the bureau's day (the last tick before the next day starts, as BureauClock.EndOfDayUtc) that many
            // working days after the day it was assigned; with none (0), that day itself or the next working day.
            migrationBuilder.Sql($"""
                UPDATE "Feedback" SET "AnswerDueAtUtc" = (
                    SELECT strftime('%Y-%m-%d %H:%M:%S', d."Day", '+1 day', '-8 hours', '-1 seconds') || '.9999999'
                    FROM temp."FeedbackFactStarts" s
                    JOIN temp."FeedbackFactDays" a ON a."Day" = s."AssignedOn"
                    JOIN temp."FeedbackFactDays" d ON d."Working" = 1
                        AND d."Count" = a."Count" + {answerDays} + (CASE WHEN {answerDays} = 0 AND a."Working" = 0 THEN 1 ELSE 0 END)
                    WHERE s."Id" = "Feedback"."Id")
                WHERE "AssigneeId" IS NOT NULL;
                """);
            migrationBuilder.Sql($"""
                UPDATE "Feedback" SET "WorkingDaysToHandle" = (
                    SELECT max(0, h."Count" - r."Count")
                    FROM temp."FeedbackFactStarts" s
                    JOIN temp."FeedbackFactDays" r ON r."Day" = s."ReceivedOn"
                    JOIN temp."FeedbackFactDays" h ON h."Day" = s."HandledOn"
                    WHERE s."Id" = "Feedback"."Id")
                WHERE "IsAbusive" = 0 AND coalesce("ResultDisclosedAtUtc", "ClosedAtUtc") IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                DROP TABLE temp."FeedbackFactDays";
                DROP TABLE temp."FeedbackFactStarts";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerDueAtUtc",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "WorkingDaysToHandle",
                table: "Feedback");
        }
    }
}
