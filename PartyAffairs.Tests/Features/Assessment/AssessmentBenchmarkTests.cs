using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// How long the assessment takes for a large bureau: 200 organizations, 100,000 catalogue occurrences, 100,000 disclosures,
/// 10,000 feedback. A benchmark, left out of the default run (it builds a large database; see the README): it prints its timings.
/// The rows are cloned in SQL from records the domain made, so they have every column a real record has.
/// </summary>
public sealed class AssessmentBenchmarkTests(ITestOutputHelper output)
{
    private const int Organizations = 200;
    private const int OccurrencesPerOrganization = 500;
    private const int Disclosures = 100_000;
    private const int FeedbackCount = 10_000;

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task The_year_view_for_200_organizations_and_100000_disclosures()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var plan = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "月度事项", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 1, 12)]));
        var template = await bureau.ForOccurrenceAsync(plan["月度事项"][0], "模板", DisclosureState.Published, new DateTime(2026, 1, 10, 2, 0, 0, DateTimeKind.Utc));
        await bureau.FeedbackAsync(template, new DateTime(2026, 1, 11, 2, 0, 0, DateTimeKind.Utc), null, closed: true);

        var build = Stopwatch.StartNew();
        await using (var db = harness.NewDb())
        {
            // The temp tables below live on one connection: hold it open, or a pooled one of another caller is used next.
            await db.Database.OpenConnectionAsync();
            var org = await db.Organizations.Where(o => o.Id == bureau.BranchBId).Select(o => o.Id).SingleAsync();
            await CloneAsync(db, "Organizations", org, Organizations - 3, new() { ["Code"] = "'B' || i", ["Name"] = "'支部' || i", ["SortOrder"] = "10 + i" });
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE orgs (k INTEGER PRIMARY KEY, id INTEGER); INSERT INTO orgs SELECT row_number() OVER (ORDER BY Id) - 1, Id FROM Organizations;");
            var item = await db.CatalogueItems.Select(i => i.Id).SingleAsync();
            await CloneAsync(db, "CatalogueItems", item, Organizations - 1, new() { ["OrganizationId"] = "(SELECT id FROM orgs WHERE k = i + 1)" });
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE items (k INTEGER PRIMARY KEY, id INTEGER); INSERT INTO items SELECT row_number() OVER (ORDER BY Id) - 1, Id FROM CatalogueItems;");
            var occurrence = await db.CatalogueOccurrences.Select(o => o.Id).SingleAsync();
            // Due through the year; four in five published (one in eight of those a few days late), the rest open.
            await CloneAsync(db, "CatalogueOccurrences", occurrence, Organizations * OccurrencesPerOrganization - 1, new()
            {
                ["CatalogueItemId"] = $"(SELECT id FROM items WHERE k = (i + 1) % {Organizations})",
                ["Sequence"] = $"2 + (i + 1) / {Organizations}",
                ["DueDate"] = "date('2026-01-02', '+' || ((i * 7) % 364) || ' days')",
                ["State"] = "CASE WHEN i % 5 = 0 THEN 0 ELSE 1 END",
                ["FulfilledAtUtc"] = "CASE WHEN i % 5 = 0 THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%S', date('2026-01-02', '+' || ((i * 7) % 364) || ' days'), CASE WHEN i % 8 = 1 THEN '+3 days' ELSE '-1 days' END, '+2 hours') END",
                ["DisclosureId"] = "NULL",
            });
            await CloneAsync(db, "Disclosures", template, Disclosures - 1, new()
            {
                ["OrganizationId"] = $"(SELECT id FROM orgs WHERE k = i % {Organizations})",
                ["CatalogueOccurrenceId"] = "NULL",
                ["OutOfCatalogueReason"] = "CASE WHEN i % 10 = 0 THEN '临时事项' ELSE NULL END",
                ["Category"] = "1 + i % 8",
                ["Channels"] = "1 + i % 15",
                ["Audience"] = "i % 3",
                ["PublishedAtUtc"] = "strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 360) || ' days', '+2 hours')",
                ["Title"] = "'事项' || i",
            });
            var feedback = await db.Feedback.Select(f => f.Id).SingleAsync();
            await CloneAsync(db, "Feedback", feedback, FeedbackCount - 1, new()
            {
                ["DisclosureId"] = template.ToString(),
                ["OrganizationId"] = $"(SELECT id FROM orgs WHERE k = i % {Organizations})",
                ["ReceivedAtUtc"] = "strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 330) || ' days', '+2 hours')",
                ["AnsweredAtUtc"] = "strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 330 + i % 9) || ' days', '+6 hours')",
                ["ResultDisclosedAtUtc"] = "CASE WHEN i % 4 = 0 THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 330 + i % 13) || ' days', '+8 hours') END",
                // The facts the steps record: a week to answer; about five working days in seven calendar days to handle.
                ["AnswerDueAtUtc"] = "strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 330 + 7) || ' days', '+15 hours', '+59 minutes')",
                ["WorkingDaysToHandle"] = "CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 13) * 5 / 7 END",
            });
            var assign = (int)await db.AuditEntries.Where(a => a.EntityType == nameof(Feedback) && a.Action == WorkflowAction.Assign).Select(a => a.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE fb (k INTEGER PRIMARY KEY, id INTEGER, at TEXT); INSERT INTO fb SELECT row_number() OVER (ORDER BY Id) - 1, Id, ReceivedAtUtc FROM Feedback;");
            await CloneAsync(db, "AuditEntries", assign, FeedbackCount - 1, new()
            {
                ["EntityId"] = "(SELECT id FROM fb WHERE k = i + 1)",
                ["AtUtc"] = "(SELECT at FROM fb WHERE k = i + 1)",
            });
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            (await db.Organizations.CountAsync()).ShouldBe(Organizations);
            (await db.Disclosures.CountAsync()).ShouldBe(Disclosures);
            (await db.CatalogueOccurrences.CountAsync()).ShouldBe(Organizations * OccurrencesPerOrganization);
        }
        output.WriteLine($"Built the bureau in {build.Elapsed.TotalSeconds:0.0} s");

        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();
        var assessment = harness.Get<AssessmentQueryService>(scope);
        var year = AssessmentPeriod.OfYear(2026);
        var first = Stopwatch.StartNew();
        var view = (await assessment.GetAsync(year)).Value!;
        first.Stop();
        view.Rows.Count.ShouldBe(Organizations);
        view.Total.Due.ShouldBeGreaterThan(50_000);
        view.Total.FeedbackReceived.ShouldBe(FeedbackCount);

        var runs = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            (await assessment.GetAsync(year)).Succeeded.ShouldBeTrue();
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }
        var quarter = Stopwatch.StartNew();
        (await assessment.GetAsync(AssessmentPeriod.OfQuarter(2026, 3))).Succeeded.ShouldBeTrue();
        quarter.Stop();
        var drill = Stopwatch.StartNew();
        var missed = (await assessment.ItemsAsync(year, bureau.BranchAId, AssessmentMeasure.Missed)).Value!;
        drill.Stop();
        var report = Stopwatch.StartNew();
        var annual = (await harness.Get<AnnualReportService>(scope).GetAsync(2026)).Value!;
        using var workbook = new MemoryStream();
        AnnualReportWorkbook.Write(workbook, annual);
        report.Stop();

        var line = $"Assessment year view, {Organizations} organizations / {Organizations * OccurrencesPerOrganization:N0} occurrences / {Disclosures:N0} disclosures / {FeedbackCount:N0} feedback: " +
            $"first call {first.Elapsed.TotalMilliseconds:0} ms; then median {runs.Order().ElementAt(2):0} ms (min {runs.Min():0}, max {runs.Max():0}); " +
            $"a quarter {quarter.Elapsed.TotalMilliseconds:0} ms; one branch's missed list ({missed.Count} items) {drill.Elapsed.TotalMilliseconds:0} ms; " +
            $"annual report + workbook {report.Elapsed.TotalMilliseconds:0} ms ({workbook.Length / 1024} KB)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    /// <summary>Inserts <paramref name="count"/> copies of a row (i = 0 … count−1), with some columns replaced by SQL expressions of i.</summary>
    private static async Task CloneAsync(AppDbContext db, string table, int templateId, int count, Dictionary<string, string> overrides)
    {
        var columns = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table}) WHERE name <> 'Id'").ToListAsync();
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : $"t.\"{c}\""));
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {select} FROM n CROSS JOIN "{table}" AS t WHERE t."Id" = {templateId}
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
