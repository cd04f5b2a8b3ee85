using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// Applications for disclosure across the turn of 2026 to 2027, made through the entity at chosen moments (Beijing = UTC+8);
/// today is Wednesday 2027-01-20, 10:00 Beijing. A = 第一党支部, B = 第二党支部. Every figure below is worked out by hand.
///   P1 A letter: received 2025-12-20, due 2026-01-15, answered 2026-01-10 予以公开 → on time.
///   P2 A online: received 2026-03-02, due 03-30, answered 04-10 不予公开 (党和国家秘密) → late.
///   P3 A visit: received 05-06, due 06-03, extended to 07-01, answered 06-20 部分公开 → on time (by the extended date).
///   P4 B phone: received 2026-12-31 10:00, due 2027-01-29, answered 2027-01-05 已主动公开 → on time.
///   P5 B online: received 2026-12-31 16:30 UTC = 2027-01-01 00:30 Beijing, due 2027-01-15, open → late now.
///   P6 A letter: received 2026-09-01, due 09-29, assigned to the handler, never answered → late since.
///   P7 B online: received 10-10, due 11-07, answered 10-20 不予公开 (其他) → on time.
///   P8 A online: received 2027-01-18, due 2027-01-22 (two working days from today), open.
/// 2026: received 5 (online P2, P7; letter P6; visit P3; phone P4), carried over 1 (letter P1); handled 4: 予以公开 1 (letter),
///   部分公开 1 (visit), 不予公开 2 (online: 秘密 1, 其他 1), 已主动公开 0; carried forward 2 (letter P6, phone P4);
///   on time 3, late 1; open and late at year end 1 (P6).
///   A: received 3, 予以公开 1, 部分公开 1, 不予公开 1, late 1, open-late 1. B: received 2, 不予公开 1. Committee: nothing.
/// 2027 (as of today): received 2 (P5, P8, online), carried over 2 (phone P4, letter P6); handled 1 (P4 已主动公开, phone, on time);
///   carried forward 3; open and late 2 (P5, P6). A: received 1, answered 0, open-late 1; B: received 1, answered 1, open-late 1.
/// </summary>
public sealed class ApplicationStory
{
    public static readonly DateTimeOffset Today = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private ApplicationStory(TestBureau bureau) => Bureau = bureau;

    public TestBureau Bureau { get; }

    public Dictionary<string, int> Ids { get; } = [];

    public static DateTime Bj(int year, int month, int day, int hour = 10, int minute = 0) => AssessmentStory.Bj(year, month, day, hour, minute);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static async Task<ApplicationStory> CreateAsync(ServiceHarness harness)
    {
        var story = new ApplicationStory(await TestBureau.CreateAsync(harness));
        await story.TellAsync(harness);
        return story;
    }

    private async Task TellAsync(ServiceHarness harness)
    {
        var b = Bureau;
        var disclosedA = await b.OutOfCatalogueAsync(b.BranchAId, "支部党费使用情况", Audience.Public, DisclosureState.Published, Bj(2025, 12, 1));
        var disclosedB = await b.OutOfCatalogueAsync(b.BranchBId, "支部活动经费", Audience.Public, DisclosureState.Published, Bj(2025, 12, 1));

        await ApplyAsync(harness, "P1", b.BranchAId, ApplicationChannel.Letter, Bj(2025, 12, 20), D(2026, 1, 15),
            Answered(Bj(2026, 1, 10), ApplicationOutcome.Disclosed, disclosure: disclosedA));
        await ApplyAsync(harness, "P2", b.BranchAId, ApplicationChannel.Online, Bj(2026, 3, 2), D(2026, 3, 30),
            Answered(Bj(2026, 4, 10), ApplicationOutcome.Refused, ApplicationRefusal.StateSecret));
        await ApplyAsync(harness, "P3", b.BranchAId, ApplicationChannel.Visit, Bj(2026, 5, 6), D(2026, 6, 3),
            (_, a) => { a.Extend(b["office"], Bj(2026, 6, 1), "需要向上级核实", D(2026, 7, 1)); return Task.CompletedTask; },
            Answered(Bj(2026, 6, 20), ApplicationOutcome.PartlyDisclosed, disclosure: disclosedA));
        await ApplyAsync(harness, "P4", b.BranchBId, ApplicationChannel.Phone, Bj(2026, 12, 31), D(2027, 1, 29),
            Answered(Bj(2027, 1, 5), ApplicationOutcome.AlreadyDisclosed, disclosure: disclosedB));
        await ApplyAsync(harness, "P5", b.BranchBId, ApplicationChannel.Online, new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc), D(2027, 1, 15));
        await ApplyAsync(harness, "P6", b.BranchAId, ApplicationChannel.Letter, Bj(2026, 9, 1), D(2026, 9, 29),
            (_, a) => { a.Assign(b["office"], Bj(2026, 9, 2), b["handler"].UserId, "handler"); return Task.CompletedTask; });
        await ApplyAsync(harness, "P7", b.BranchBId, ApplicationChannel.Online, Bj(2026, 10, 10), D(2026, 11, 7),
            Answered(Bj(2026, 10, 20), ApplicationOutcome.Refused, ApplicationRefusal.Other));
        await ApplyAsync(harness, "P8", b.BranchAId, ApplicationChannel.Online, Bj(2027, 1, 18), D(2027, 1, 22));
    }

    private Func<Microsoft.EntityFrameworkCore.DbContext, DisclosureApplication, Task> Answered(DateTime atUtc, ApplicationOutcome outcome,
        ApplicationRefusal? refusal = null, int? disclosure = null) => async (db, a) =>
    {
        var linked = disclosure is { } id ? await db.Set<Disclosure>().SingleAsync(d => d.Id == id) : null;
        var day = DateOnly.FromDateTime(atUtc.AddHours(8));
        a.AnswerWith(Bureau["office"], atUtc, day, outcome, "答复如下。", outcome == ApplicationOutcome.PartlyDisclosed ? "部分内容涉及个人隐私" : null,
            refusal, refusal == ApplicationRefusal.Other ? "申请内容不明确" : null, linked);
    };

    /// <summary>An application received at <paramref name="receivedUtc"/> (online: made then; otherwise registered by the Office), then each step saved in turn.</summary>
    private async Task ApplyAsync(ServiceHarness harness, string name, int organizationId, ApplicationChannel channel, DateTime receivedUtc, DateOnly dueOn,
        params Func<Microsoft.EntityFrameworkCore.DbContext, DisclosureApplication, Task>[] steps)
    {
        var office = Bureau["office"];
        var subject = $"{name}：请公开支部经费使用情况";
        await using var db = harness.NewDb();
        var application = channel == ApplicationChannel.Online
            ? DisclosureApplication.Online(organizationId, Audience.Public, subject, null, "申请人", null, Actor.Anonymous, receivedUtc, dueOn)
            : DisclosureApplication.Paper(organizationId, channel, subject, null, "申请人", "13800000000", receivedUtc, office, receivedUtc, dueOn);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        foreach (var step in steps)
        {
            await step(db, application);
            await db.SaveChangesAsync();
        }
        Ids[name] = application.Id;
    }
}
