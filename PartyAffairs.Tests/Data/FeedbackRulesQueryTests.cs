using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>Late feedback (<see cref="FeedbackRules"/>): what SQLite selects equals what the compiled form says of each row, at fixed moments.</summary>
public sealed class FeedbackRulesQueryTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task Late_is_one_rule_in_the_database_and_in_memory()
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using var db = harness.NewDb();
        // Rolled back at the end, so the shared demo stays as seeded: one open item loses its deadline and one closed item
        // keeps a stale one (as an older row might), the two cases the demo does not have.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var openIds = await db.Feedback.Where(f => f.State != FeedbackState.Closed && f.StepDueAtUtc != null)
            .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
        var closedId = await db.Feedback.Where(f => f.State == FeedbackState.Closed).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        await db.Feedback.Where(f => f.Id == openIds[0]).ExecuteUpdateAsync(s => s.SetProperty(f => f.StepDueAtUtc, (DateTime?)null));
        await db.Feedback.Where(f => f.Id == closedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.StepDueAtUtc, (DateTime?)now.AddDays(-30)));

        var feedback = await db.Feedback.AsNoTracking().ToListAsync();
        feedback.ShouldContain(f => f.IsLate(now), "late");
        feedback.ShouldContain(f => f.State != FeedbackState.Closed && f.StepDueAtUtc > now, "open, not yet late");
        feedback.ShouldContain(f => f.State != FeedbackState.Closed && f.StepDueAtUtc == null, "open, no deadline");
        feedback.ShouldContain(f => f.State == FeedbackState.Closed && f.StepDueAtUtc < now, "closed, a stale deadline");

        var moments = feedback.Where(f => f.StepDueAtUtc != null).Select(f => f.StepDueAtUtc!.Value)
            .SelectMany(due => new[] { due.AddSeconds(-1), due, due.AddSeconds(1) })
            .Append(now).Distinct().Order().ToList();
        foreach (var at in moments)
        {
            var fromDatabase = await db.Feedback.Where(FeedbackRules.LateAt(at)).Select(f => f.Id).ToListAsync();
            fromDatabase.ShouldBe(feedback.Where(f => f.IsLate(at)).Select(f => f.Id), ignoreOrder: true, $"at {at:O}");
        }
        // The moment travels as a parameter: one SQL text, and one cached plan, for every moment.
        Sql(db.Feedback.Where(FeedbackRules.LateAt(now))).ShouldBe(Sql(db.Feedback.Where(FeedbackRules.LateAt(now.AddDays(1)))));
        (await db.Feedback.Where(FeedbackRules.Open).Select(f => f.Id).ToListAsync())
            .ShouldBe(feedback.Where(FeedbackRules.IsOpen).Select(f => f.Id), ignoreOrder: true);
    }

    private static string Sql(IQueryable<Feedback> query) =>
        string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param") && !line.StartsWith("--")));
}
