using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>
/// Overdue occurrences (<see cref="OccurrenceRules"/>) and rectifications (<see cref="RectificationRules"/>): what SQLite selects
/// equals what the compiled form says of each row, on every day around every due date of the demo.
/// </summary>
public sealed class OverdueRulesQueryTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task Overdue_occurrence_is_one_rule_in_the_database_and_in_memory()
    {
        await using var db = harness.NewDb();
        var occurrences = await db.CatalogueOccurrences.AsNoTracking().ToListAsync();
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime);
        occurrences.ShouldContain(o => o.IsOverdue(today));
        occurrences.ShouldContain(o => o.State == OccurrenceState.Open && !o.IsOverdue(today));
        occurrences.ShouldContain(o => o.State != OccurrenceState.Open && o.DueDate < today);

        foreach (var day in Days(occurrences.Select(o => o.DueDate), today))
        {
            (await db.CatalogueOccurrences.Where(OccurrenceRules.OverdueOn(day)).Select(o => o.Id).ToListAsync())
                .ShouldBe(occurrences.Where(o => o.IsOverdue(day)).Select(o => o.Id), ignoreOrder: true, $"on {day}");
        }
    }

    [Fact]
    public async Task Overdue_rectification_is_one_rule_in_the_database_and_in_memory()
    {
        await using var db = harness.NewDb();
        var rectifications = await db.Rectifications.AsNoTracking().ToListAsync();
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime);
        rectifications.ShouldContain(r => r.IsOverdue(today));

        foreach (var day in Days(rectifications.Select(r => r.DueDate), today))
        {
            (await db.Rectifications.Where(RectificationRules.OverdueOn(day)).Select(r => r.Id).ToListAsync())
                .ShouldBe(rectifications.Where(r => r.IsOverdue(day)).Select(r => r.Id), ignoreOrder: true, $"on {day}");
        }
    }

    private static List<DateOnly> Days(IEnumerable<DateOnly> dueDates, DateOnly today) =>
        dueDates.SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) }).Append(today).Distinct().Order().ToList();
}
