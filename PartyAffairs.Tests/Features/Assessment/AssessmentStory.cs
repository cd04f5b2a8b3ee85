using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// A crafted year for the assessment and the annual report, on the 2026 calendar with its 调休: Sep 20 (Sunday) and
/// Oct 10 (Saturday) are make-up working days; Sep 25–27 (中秋) and Oct 1–7 (国庆) are holidays; Jan 1–3 holidays and
/// Jan 4 (Sunday) a working day. Today is Thursday 2026-11-26 in Beijing. Every figure below is worked out by hand.
///
/// Occurrences (due date → what happened; Beijing = UTC+8):
///   A 月度党费 #1 due 09-30, published 09-30 16:30 UTC = 10-01 00:30 Beijing → late, though
///     its UTC date is the due date (September).
///   A #2 due 10-09 (Fri after the holiday), published 10-09 15:59 UTC = 23:59 Beijing → on time.
///   A #3 due 10-12, published on the make-up Saturday 10-10 → on time.
///   A #4 due 11-10, still open → missed. A #5 due today 11-26, open → not counted. A #6 due 12-10, published early 11-20 → on time.
///   A 已撤销 due 10-20, cancelled → not counted.
///   B 季度 #1 due 07-10, published 07-10 → on time; #2 due 10-15, published 10-16 01:00 UTC (09:00 Beijing) → late.
///   Year: A due 5 = on time 3 + late 1 + missed 1; B due 2 = 1 + 1 + 0. Q4: A 4 = 3 + 0 + 1; B 1 = 0 + 1 + 0. October: A 2 = 2; B 1 late.
///   Trend: Jul on time 1; Sep late 1; Oct on time 2, late 1; Nov missed 1; Dec on time 1.
///
/// Disclosures: A out of catalogue "A 九月" (09-10) and "A 国庆后" (10-08), re-disclosed 11-03 (a re-disclosure, not a
/// second out-of-catalogue item); B "B 元旦" published 2025-12-31 16:30 UTC = 2026-01-01 00:30 Beijing → 2026.
///   Year: A out 2, re 1; B out 1. Q4: A out 1, re 1. October: A out 1, re 0.
///
/// Feedback (answer deadline 5 working days after the day it was assigned, to the end of that day):
///   F1 A: received/assigned Tue 09-29; deadline: 09-30, 10-08, 10-09, 10-10 (Sat, make-up), 10-12 → end of 10-12; answered
///         10-12 16:00 Beijing → in time. Result disclosed 10-14: working days 09-30, 10-08, 09, 10, 12, 13, 14 = 7.
///   F2 A: received/assigned Thu 09-24; deadline 09-28, 29, 30, 10-08, 10-09 → end of 10-09; answered 10-10 → late; not handled.
///   F3 A: received/assigned Fri 09-18; deadline 09-20 (Sun, make-up), 21, 22, 23, 24 → end of 09-24; answered 09-24 23:00
///         Beijing → in time; result disclosed Mon 09-28 (after 中秋): 09-20, 21, 22, 23, 24, 28 = 6; then closed.
///   F4 A: received 10-20, marked abusive → counted apart only.
///   F5 B: received 10-14, never assigned → not answered, not handled.
///   F6 B: received 2026-01-01 01:00 Beijing (a holiday); assigned then; deadline 01-04 (Sun, make-up), 05, 06, 07, 08 → end of
///         01-08; answered 01-08 17:00 Beijing → in time. Result disclosed Mon 01-12: 01-04, 05, 06, 07, 08, 09, 12 = 7.
///   Year: A received 3, abusive 1, in time 2 (F1, F3), results 2, handled 2, median of 7 and 6 = 6.5;
///         B received 2, in time 1, results 1, handled 1, median 7; bureau median of 6, 7, 7 = 7.
///   Q4: A received 0, abusive 1; B received 1 (F5), nothing else. October: the same as Q4.
///
/// Inspections: A inspected 10-20 with R1 due 11-10 (open, overdue), R2 due 10-30 done 10-29, R3 due 11-05 done 11-12.
///   B inspected 06-15 with R4 done 07-01. Open at the end of the period (or today): year A 1 (R1); October A 2 (R1, R3);
///   Q2 B 1 (R4); Q3 A 0 (inspected after it).
/// </summary>
public sealed class AssessmentStory
{
    private AssessmentStory(TestBureau bureau) => Bureau = bureau;

    public TestBureau Bureau { get; }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A Beijing wall-clock time as UTC.</summary>
    public static DateTime Bj(int year, int month, int day, int hour, int minute = 0) => Utc(year, month, day, hour, minute).AddHours(-8);

    public static async Task<AssessmentStory> CreateAsync(ServiceHarness harness)
    {
        var bureau = await TestBureau.CreateAsync(harness);
        var story = new AssessmentStory(bureau);
        await story.TellAsync(harness);
        return story;
    }

    private async Task TellAsync(ServiceHarness harness)
    {
        var b = Bureau;
        var plan = await b.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(b.BranchAId, "月度党费", Cadence.Monthly, Audience.AllMembers,
                [D(2026, 9, 30), D(2026, 10, 9), D(2026, 10, 12), D(2026, 11, 10), D(2026, 11, 26), D(2026, 12, 10)]),
            new PlannedItem(b.BranchAId, "已撤销", Cadence.Yearly, Audience.Public, [D(2026, 10, 20)]),
            new PlannedItem(b.BranchBId, "季度", Cadence.Quarterly, Audience.Organization, [D(2026, 7, 10), D(2026, 10, 15)], Category.ResolutionsAndExecution));
        var dues = plan["月度党费"];
        await b.ForOccurrenceAsync(dues[0], "九月党费", DisclosureState.Published, Utc(2026, 9, 30, 16, 30));
        await b.ForOccurrenceAsync(dues[1], "十月党费", DisclosureState.Published, Utc(2026, 10, 9, 15, 59));
        await b.ForOccurrenceAsync(dues[2], "十月第二期", DisclosureState.Closed, Bj(2026, 10, 10, 10));
        await b.ForOccurrenceAsync(dues[5], "十二月党费", DisclosureState.Published, Bj(2026, 11, 20, 10));
        await b.CancelOccurrenceAsync(plan["已撤销"][0]);
        var quarterly = plan["季度"];
        await b.ForOccurrenceAsync(quarterly[0], "三季度决定", DisclosureState.Published, Bj(2026, 7, 10, 9), "secB");
        await b.ForOccurrenceAsync(quarterly[1], "四季度决定", DisclosureState.Published, Utc(2026, 10, 16, 1), "secB");

        var september = await b.OutOfCatalogueAsync(b.BranchAId, "A 九月", Audience.Public, DisclosureState.Published, Bj(2026, 9, 10, 10));
        var afterHoliday = await b.OutOfCatalogueAsync(b.BranchAId, "A 国庆后", Audience.Public, DisclosureState.Published, Bj(2026, 10, 8, 10));
        await ReviseAsync(harness, afterHoliday, Bj(2026, 11, 3, 10));
        var newYear = await b.OutOfCatalogueAsync(b.BranchBId, "B 元旦", Audience.Public, DisclosureState.Published, Utc(2025, 12, 31, 16, 30));

        await FeedbackAsync(harness, september, Bj(2026, 9, 29, 10), answered: Bj(2026, 10, 12, 16), disclosed: Bj(2026, 10, 14, 10));
        await FeedbackAsync(harness, september, Bj(2026, 9, 24, 10), answered: Bj(2026, 10, 10, 10));
        await FeedbackAsync(harness, september, Bj(2026, 9, 18, 10), answered: Bj(2026, 9, 24, 23), disclosed: Bj(2026, 9, 28, 10), closed: Bj(2026, 9, 29, 10));
        await FeedbackAsync(harness, september, Bj(2026, 10, 20, 10), abusive: true);
        await FeedbackAsync(harness, newYear, Bj(2026, 10, 14, 10), assigned: false);
        await FeedbackAsync(harness, newYear, Bj(2026, 1, 1, 1), answered: Bj(2026, 1, 8, 17), disclosed: Bj(2026, 1, 12, 10));

        await InspectAsync(harness, b.BranchAId, D(2026, 10, 20), "secA",
            ("公开栏未按月更新", D(2026, 11, 10), null),
            ("党费明细不全", D(2026, 10, 30), Bj(2026, 10, 29, 16)),
            ("会议记录未公开", D(2026, 11, 5), Bj(2026, 11, 12, 16)));
        await InspectAsync(harness, b.BranchBId, D(2026, 6, 15), "secB", ("公开范围不当", D(2026, 6, 30), Bj(2026, 7, 1, 16)));
    }

    private async Task ReviseAsync(ServiceHarness harness, int originalId, DateTime atUtc)
    {
        await using var db = harness.NewDb();
        var office = Bureau["office"];
        var original = await db.Disclosures.Include(d => d.CatalogueOccurrence).SingleAsync(d => d.Id == originalId);
        var revision = original.Revise(office, atUtc, "更正");
        revision.Edit(original.Title + "（更正）", "更正后的正文。", revision.Channels, revision.Audience, atUtc, atUtc.AddDays(7), false, office, atUtc);
        db.Disclosures.Add(revision);
        await db.SaveChangesAsync();
        revision.Submit(office, atUtc, []);
        // Nobody approves their own out-of-catalogue correction: the Office's goes to a Leader.
        revision.Approve(Bureau["leader"], atUtc, true);
        revision.Publish(Actor.System, atUtc, original);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A letter received and assigned at <paramref name="receivedAtUtc"/>, taken as far as the given times say, with the
    /// deadlines and the calendar the handling service uses.
    /// </summary>
    private async Task FeedbackAsync(ServiceHarness harness, int disclosureId, DateTime receivedAtUtc, DateTime? answered = null,
        DateTime? disclosed = null, DateTime? closed = null, bool abusive = false, bool assigned = true)
    {
        await using var scope = harness.NewScope();
        var answerDue = await harness.Get<FeedbackDeadlines>(scope).DueAsync(FeedbackState.Assigned, receivedAtUtc, CancellationToken.None);
        var calendar = await harness.Get<WorkingDayService>(scope).GetCalendarAsync();
        var zone = harness.Get<BureauClock>(scope).Zone;
        await using var db = harness.NewDb();
        var (handler, leader) = (Bureau["handler"], Bureau["leader"]);
        var disclosure = await db.Disclosures.SingleAsync(d => d.Id == disclosureId);
        var feedback = Feedback.Offline(disclosure, FeedbackChannel.Letter, "意见。", "张三", null, receivedAtUtc, handler, receivedAtUtc, null);
        if (abusive) feedback.MarkAbusive(handler, receivedAtUtc, "谩骂");
        else if (assigned) feedback.Assign(handler, receivedAtUtc, handler.UserId, handler.DisplayName, answerDue);
        if (answered is { } answeredAt) feedback.AnswerWith(handler, answeredAt, "已答复。", null);
        if (disclosed is { } disclosedAt)
        {
            feedback.ReportTo(handler, disclosedAt.AddHours(-1), leader.UserId, leader.DisplayName, "处理结果。", null, null);
            feedback.Acknowledge(leader, disclosedAt, null, calendar, zone);
        }
        if (closed is { } closedAt) feedback.Close(handler, closedAt);
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync();
    }

    private async Task InspectAsync(ServiceHarness harness, int organizationId, DateOnly date, string owner,
        params (string What, DateOnly Due, DateTime? DoneAtUtc)[] rectifications)
    {
        await using var db = harness.NewDb();
        var office = Bureau["office"];
        var inspection = new Inspection(organizationId, date, "李淑芬、孙志强", InspectionFinding.Satisfactory, InspectionFinding.NeedsImprovement,
            InspectionFinding.Satisfactory, InspectionFinding.Unsatisfactory, InspectionFinding.Satisfactory, null, office, Bj(date.Year, date.Month, date.Day, 17));
        foreach (var (what, due, doneAt) in rectifications)
        {
            var rectification = new Rectification(organizationId, what, Bureau[owner].UserId, owner, due);
            if (doneAt is { } at) rectification.Complete(Bureau[owner], at, "已整改。");
            inspection.Rectifications.Add(rectification);
        }
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
    }
}
