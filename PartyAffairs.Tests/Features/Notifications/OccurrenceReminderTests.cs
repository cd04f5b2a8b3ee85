using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

public sealed class OccurrenceReminderTests
{
    // The harness's day is Thursday 26 November 2026 in the bureau: Fri 27, Mon 30 and Tue 1 December are the next three working days.
    [Fact]
    public async Task Secretaries_hear_once_of_each_occurrence_due_within_three_working_days_or_overdue()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "党费收缴", Cadence.Monthly, Audience.AllMembers,
                [new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)]),
            new PlannedItem(bureau.BranchBId, "发展党员", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 12, 1)]));
        var reminder = harness.Services.GetRequiredService<OccurrenceReminder>();

        (await reminder.RemindAsync()).ShouldBe(3);
        (await reminder.RemindAsync()).ShouldBe(0);

        var written = await WrittenAsync(harness);
        written.ShouldBe([
            ("secA", "已逾期：党费收缴（第1期）", $"/disclosures/new?occurrence={occurrences["党费收缴"][0]}"),
            ("secA", "即将到期：党费收缴（第2期）", $"/disclosures/new?occurrence={occurrences["党费收缴"][1]}"),
            ("secB", "即将到期：发展党员（第1期）", $"/disclosures/new?occurrence={occurrences["发展党员"][0]}"),
        ], ignoreOrder: true);

        // A day later the third occurrence comes within three working days; the others are not repeated.
        harness.Time.Advance(TimeSpan.FromDays(1));
        (await reminder.RemindAsync()).ShouldBe(1);
        (await WrittenAsync(harness)).ShouldContain(("secA", "即将到期：党费收缴（第3期）", $"/disclosures/new?occurrence={occurrences["党费收缴"][2]}"));
    }

    [Fact]
    public async Task Occurrences_of_a_catalogue_not_in_force_or_already_cancelled_are_left_alone()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "党费收缴", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 20)]));
        await bureau.CatalogueAsync(2027, CatalogueState.Submitted,
            new PlannedItem(bureau.BranchAId, "组织生活", Cadence.Monthly, Audience.AllMembers, [new DateOnly(2026, 11, 30)]));
        await bureau.CancelOccurrenceAsync(occurrences["党费收缴"][0]);

        (await harness.Services.GetRequiredService<OccurrenceReminder>().RemindAsync()).ShouldBe(0);
    }

    private static async Task<List<(string, string, string?)>> WrittenAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return (await (from n in db.Notifications
                       join u in db.Users on n.UserId equals u.Id
                       select new { u.UserName, n.Title, n.Link })
                .ToListAsync())
            .Select(n => (n.UserName!, n.Title, (string?)n.Link))
            .ToList();
    }
}
