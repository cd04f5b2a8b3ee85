using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Assessment.AssessmentStory;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// Feedback keeps the facts the assessment counts as they were when its steps happened (the answer deadline, the working
/// days to handle), and the migration that added them filled existing rows with what the assessment worked out before:
/// recomputed here the old way, from the audit trail with today's setting and calendar.
/// </summary>
public sealed class FeedbackStepFactsTests
{
    private const string BeforeFacts = "AssessmentPeriodIndexes";

    [Fact]
    public async Task Changing_the_answer_step_or_the_calendar_afterwards_leaves_a_past_year_as_it_was()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var story = await AssessmentStory.CreateAsync(harness);
        await harness.SignInAsync("office");
        var before = await YearAsync(harness);
        before.Rows.Single(r => r.OrganizationId == story.Bureau.BranchAId).AnsweredInTime.ShouldBe(2);

        // Two working days to answer instead of five, and 10-13 a holiday: worked out again today, no answer would be in
        // time (F1 due 10-08, F3 09-21, F6 01-05) and F1 would have taken 6 working days, not 7.
        await using (var scope = harness.NewScope())
        {
            var settings = harness.Get<SettingsService>(scope);
            var saved = await settings.SaveAsync(await settings.GetAsync() with { FeedbackAnswerWorkingDays = 2 });
            saved.Succeeded.ShouldBeTrue(saved.Message);
        }
        await using (var db = harness.NewDb())
        {
            db.CalendarDays.Add(new CalendarDay(D(2026, 10, 13), CalendarDayKind.Holiday, "临时休假"));
            await db.SaveChangesAsync();
        }
        harness.Services.GetRequiredService<WorkingDayService>().Invalidate();
        var recomputed = await OldComputationAsync(harness);
        recomputed.Values.Count(f => f.AnsweredInTime).ShouldBe(0);
        recomputed.Values.Sum(f => f.WorkingDaysToHandle).ShouldBe(6 + 6 + 7);

        var after = await YearAsync(harness);

        after.Rows.ShouldBe(before.Rows);
        after.Total.ShouldBe(before.Total);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task The_migration_fills_the_crafted_year_with_what_the_assessment_worked_out_before()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var story = await AssessmentStory.CreateAsync(harness);
        await harness.SignInAsync("leader");
        var figures = await YearAsync(harness);

        await RemigrateAndCompareAsync(harness, expectedRows: 6);

        var again = await YearAsync(harness);
        again.Rows.ShouldBe(figures.Rows);
        again.Total.ShouldBe(figures.Total);
        again.Rows.Single(r => r.OrganizationId == story.Bureau.BranchAId).MedianWorkingDays.ShouldBe(6.5);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task The_migration_fills_the_demo_bureau_with_what_the_assessment_worked_out_before()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        await RemigrateAndCompareAsync(harness, expectedRows: 13);
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task The_migration_and_the_load_generator_fill_a_generated_city_alike()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        // The migration counted working days on the calendar table alone, as the app did then: the generated city's
        // earlier years (without a bundled notice) get their holidays there too, so both count on the same days.
        await using (var db = harness.NewDb())
        {
            db.CalendarDays.AddRange(new[] { 2024, 2025 }.SelectMany(StatutoryHolidays.For));
            await db.SaveChangesAsync();
        }
        harness.Services.GetRequiredService<WorkingDayService>().Invalidate();
        var generated = await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(new LoadOptions(Organizations: 4, Disclosures: 600, Feedback: 800, Archive: 0, Years: 2), null, CancellationToken.None);
        await RemigrateAndCompareAsync(harness, expectedRows: generated.Feedback);
    }

    /// <summary>
    /// What the domain (or the generator) recorded must be what the old computation gives; then the columns are dropped by
    /// migrating back, the migration fills them again, and they must be the same once more.
    /// </summary>
    private static async Task RemigrateAndCompareAsync(ServiceHarness harness, int expectedRows)
    {
        var recorded = await RecordedAsync(harness);
        recorded.Count.ShouldBe(expectedRows);
        recorded.Values.ShouldContain(f => f.AnswerDueAtUtc != null);
        recorded.Values.ShouldContain(f => f.WorkingDaysToHandle != null);
        recorded.ShouldBe(await OldComputationAsync(harness));

        await using (var db = harness.NewDb())
        {
            // Going back before the facts also goes back before the mailbox (MailboxAndTrackingCodes), whose Down cannot keep
            // feedback about no item: the facts were filled before mailbox feedback existed, so its rows leave first.
            var mailbox = await db.Feedback.Where(f => f.DisclosureId == null).Select(f => f.Id).ToListAsync();
            await db.Feedback.Where(f => mailbox.Contains(f.Id)).ExecuteDeleteAsync();
            foreach (var id in mailbox) recorded.Remove(id);
        }

        await using (var db = harness.NewDb())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforeFacts);
            (await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM pragma_table_info('Feedback') WHERE name = 'AnswerDueAtUtc'""")
                .SingleAsync()).ShouldBe(0);
            await migrator.MigrateAsync();
        }

        (await RecordedAsync(harness)).ShouldBe(recorded);
    }

    private static async Task<AssessmentView> YearAsync(ServiceHarness harness)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<AssessmentQueryService>(scope).GetAsync(AssessmentPeriod.OfYear(2026));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    /// <summary>
    /// Deadlines compared to the microsecond: the migration wrote the day's last tick (…59.9999999), the app now writes its
    /// last microsecond (BureauClock.EndOfDayUtc), and both are the end of the same day.
    /// </summary>
    private sealed record Facts(DateTime? AnswerDueAtUtc, bool AnsweredInTime, int? WorkingDaysToHandle)
    {
        public DateTime? AnswerDueAtUtc { get; } = AnswerDueAtUtc is { } due ? new DateTime(due.Ticks - due.Ticks % TimeSpan.TicksPerMicrosecond, due.Kind) : null;
    }

    private static async Task<Dictionary<int, Facts>> RecordedAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var answerDue = await db.Feedback.ToDictionaryAsync(f => f.Id, f => f.AnswerDueAtUtc);
        return (await db.Feedback.Select(AssessmentRules.FeedbackFacts).ToListAsync())
            .ToDictionary(f => f.Id, f => new Facts(answerDue[f.Id], f.AnsweredInTime, f.WorkingDaysToHandle));
    }

    /// <summary>
    /// The assessment's computation before the facts were recorded: the answer step began at the feedback's first "Assign"
    /// audit entry (else at receipt) and lasted today's answer-step working days on today's calendar; handled when its result
    /// was disclosed or it was closed; abusive feedback neither answered nor handled.
    /// </summary>
    private static async Task<Dictionary<int, Facts>> OldComputationAsync(ServiceHarness harness)
    {
        await using var scope = harness.NewScope();
        var days = (await harness.Get<SettingsService>(scope).GetAsync()).FeedbackStepWorkingDays(FeedbackState.Assigned);
        var calendar = await harness.Get<WorkingDayService>(scope).GetCalendarAsync();
        var clock = harness.Get<BureauClock>(scope);
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));

        await using var db = harness.NewDb();
        var rows = await db.Feedback.AsNoTracking()
            .Select(f => new
            {
                f.Id, f.IsAbusive, f.AssigneeId, f.ReceivedAtUtc, f.AnsweredAtUtc, f.ResultDisclosedAtUtc, f.ClosedAtUtc,
                AssignedAtUtc = db.AuditEntries.Where(a => a.EntityType == nameof(Feedback) && a.EntityId == f.Id && a.Action == WorkflowAction.Assign)
                    .Min(a => (DateTime?)a.AtUtc),
            })
            .ToListAsync();
        return rows.ToDictionary(f => f.Id, f =>
        {
            DateTime? due = f.AssigneeId is null || days is not { } n ? null
                : clock.EndOfDayUtc(calendar.AddWorkingDays(Day(f.AssignedAtUtc ?? f.ReceivedAtUtc), n));
            var inTime = !f.IsAbusive && f.AnsweredAtUtc is { } answered && (due is null || answered <= due);
            int? handling = f.IsAbusive || (f.ResultDisclosedAtUtc ?? f.ClosedAtUtc) is not { } handled ? null
                : calendar.WorkingDaysBetween(Day(f.ReceivedAtUtc), Day(handled));
            return new Facts(due, inTime, handling);
        });
    }
}
