using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// Drill 2: many writers at once on the same records through the real services (each writer its own scope, as its own
/// circuit). Every call must come back as a result — success or "changed by someone else" — never as an exception.
/// </summary>
public static class ConcurrencyDrill
{
    public sealed record Figures(int Conflicts, int Wins, int Calls);

    public static async Task<Figures> RunAsync(int rounds, int writers)
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        int organizationId;
        await using (var db = harness.NewDb())
        {
            organizationId = (await db.Users.Where(u => u.UserName == "drafter").Select(u => u.OrganizationId).SingleAsync()) ?? 0;
        }
        var wins = 0;
        var conflicts = 0;
        var calls = 0;
        var toArchive = new List<int>();

        for (var round = 1; round <= rounds; round++)
        {
            var id = await CrashDrillWriter.StepAsync<DraftService, int>(harness, "drafter", s => s.StartOutOfCatalogueAsync(organizationId, Category.Other, "并发演练"));
            var now = harness.Time.GetUtcNow().UtcDateTime;

            // Autosave from several tabs of the same draft.
            await harness.SignInAsync("drafter");
            var version = await CrashDrillWriter.VersionAsync(harness, id);
            var saves = await AllAtOnceAsync<DraftService>(harness, writers, (s, w) => s.SaveAsync(id, version,
                new DraftRequest($"并发演练 {round}-{w}", "正文", Channel.Board, Audience.Organization, now, now.AddHours(1), false)).ContinueWith(t => (Result)t.Result));
            Tally(saves, ref wins, ref conflicts, ref calls);
            await CrashDrillWriter.StepAsync<DisclosureReviewService>(harness, "drafter", async s => await s.SubmitAsync(id, await CrashDrillWriter.VersionAsync(harness, id)));

            // Several Office clerks approve the same submission.
            await harness.SignInAsync("office");
            version = await CrashDrillWriter.VersionAsync(harness, id);
            Tally(await AllAtOnceAsync<DisclosureReviewService>(harness, writers, (s, _) => s.ApproveAsync(id, version, true, null)), ref wins, ref conflicts, ref calls);
            toArchive.Add(id);
        }

        // Feedback: several handlers take the same step on the same item.
        await using (var db = harness.NewDb())
        {
            var received = await db.Feedback.Where(f => f.State == FeedbackState.Received).Select(f => new { f.Id, f.Version, f.OrganizationId }).ToListAsync();
            await harness.SignInAsync("office");
            foreach (var feedback in received)
            {
                var handler = await db.Users.Where(u => u.UserName == "handler").Select(u => u.Id).SingleAsync();
                Tally(await AllAtOnceAsync<FeedbackHandlingService>(harness, writers,
                    (s, _) => s.AssignAsync(new AssignFeedbackRequest(feedback.Id, feedback.Version, handler))), ref wins, ref conflicts, ref calls, allowRefusal: true);
            }
        }

        // Archiving: every item closed, then several clerks archive all of them at once.
        harness.Time.Advance(TimeSpan.FromHours(2));
        await using (var scope = harness.NewScope())
        {
            await scope.ServiceProvider.GetRequiredService<DisplaySchedule>().RunDueAsync(CancellationToken.None);
        }
        await harness.SignInAsync("office");
        var archiving = toArchive.Select(id => AllAtOnceAsync<ArchiveService>(harness, writers,
            async (s, _) => { var r = await s.ArchiveAsync(id); return new Result(r.Status, r.Message, r.Errors); })).ToList();
        foreach (var results in await Task.WhenAll(archiving)) Tally(results, ref wins, ref conflicts, ref calls, allowRefusal: true);

        await using (var db = harness.NewDb())
        {
            var records = await db.ArchiveRecords.AsNoTracking().Select(r => new { r.DisclosureId, r.ArchiveNumber, r.Sequence, r.OrganizationId, r.Year }).ToListAsync();
            foreach (var id in toArchive) records.Count(r => r.DisclosureId == id).ShouldBe(1, $"item {id} must be archived exactly once");
            records.Select(r => r.ArchiveNumber).ShouldBeUnique();
            foreach (var series in records.GroupBy(r => (r.OrganizationId, r.Year)))
            {
                series.Select(r => r.Sequence).Order().ShouldBe(Enumerable.Range(1, series.Count()), $"series {series.Key} has a gap");
            }
        }
        return new Figures(conflicts, wins, calls);
    }

    /// <summary>Starts every writer's call together; each writer has its own scope (its own circuit) and its own connection.</summary>
    private static async Task<Result[]> AllAtOnceAsync<TService>(ServiceHarness harness, int writers, Func<TService, int, Task<Result>> call) where TService : notnull
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var scope = harness.NewScope();
            var service = scope.ServiceProvider.GetRequiredService<TService>();
            start.Wait();
            return await call(service, w);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    private static void Tally(Result[] results, ref int wins, ref int conflicts, ref int calls, bool allowRefusal = false)
    {
        calls += results.Length;
        results.Count(r => r.Succeeded).ShouldBe(1, string.Join(" | ", results.Select(r => $"{r.Status}: {r.Message}")));
        foreach (var loser in results.Where(r => !r.Succeeded))
        {
            // The archive and feedback services re-check the state after loading: a loser may hear "already archived/assigned" instead of a version conflict.
            (loser.Status == ResultStatus.Conflict || (allowRefusal && loser.Status == ResultStatus.Invalid)).ShouldBeTrue($"{loser.Status}: {loser.Message}");
            loser.Message.ShouldNotBeNullOrWhiteSpace();
        }
        wins++;
        conflicts += results.Length - 1;
    }
}
