using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class DisplayScheduleTests
{
    [Fact]
    public async Task Approved_items_go_on_display_at_their_start_and_off_at_their_end()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        await harness.SignInAsync("secretaryA");
        await using (var scope = harness.NewScope())
        {
            var review = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
            await using var db = harness.NewDb();
            var version = await db.Disclosures.Where(d => d.Id == bureau.InCatalogueId).Select(d => d.Version).SingleAsync();
            (await review.ApproveAsync(bureau.InCatalogueId, version, true, null)).Succeeded.ShouldBeTrue();
        }
        var schedule = harness.Services.GetRequiredService<DisplaySchedule>();

        (await schedule.RunDueAsync(CancellationToken.None)).ShouldBe((0, 0)); // starts in an hour
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await schedule.RunDueAsync(CancellationToken.None)).ShouldBe((1, 0));
        await using (var db = harness.NewDb())
        {
            var d = await db.Disclosures.Include(x => x.CatalogueOccurrence).SingleAsync(x => x.Id == bureau.InCatalogueId);
            d.State.ShouldBe(DisclosureState.Published);
            d.CatalogueOccurrence!.State.ShouldBe(OccurrenceState.Fulfilled);
            (await db.AuditEntries.SingleAsync(a => a.EntityId == d.Id && a.Action == WorkflowAction.Publish && a.EntityType == "Disclosure")).ActorId.ShouldBe("system");
        }

        harness.Time.Advance(TimeSpan.FromDays(8));
        (await schedule.RunDueAsync(CancellationToken.None)).ShouldBe((0, 1));
        await using (var db = harness.NewDb())
            (await db.Disclosures.SingleAsync(x => x.Id == bureau.InCatalogueId)).State.ShouldBe(DisclosureState.Closed);
    }
}
