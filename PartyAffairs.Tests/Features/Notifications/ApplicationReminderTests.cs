using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Applications;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.Tests.Features.Assessment;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

/// <summary>Reminders of applications for disclosure due soon or late, and the notifications of a new application and an assignment.</summary>
public sealed class ApplicationReminderTests
{
    private static async Task<List<(string UserName, string Title, string? Body, string? Link)>> NotificationsAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return (await (from n in db.Notifications
                       join u in db.Users on n.UserId equals u.Id
                       orderby u.UserName, n.Id
                       select new { u.UserName, n.Title, n.Body, n.Link })
                .ToListAsync())
            .Select(n => (n.UserName!, n.Title, (string?)n.Body, (string?)n.Link))
            .ToList();
    }

    [Fact]
    public async Task The_office_and_the_assignee_are_reminded_once_of_each_late_or_soon_due_application()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: ApplicationStory.Today);
        var story = await ApplicationStory.CreateAsync(harness);
        var reminder = harness.Services.GetRequiredService<ApplicationReminder>();

        // Today 2027-01-20: P5 and P6 are late (P6 assigned to the handler), P8 is due in two working days.
        (await reminder.RemindAsync()).ShouldBe(4);
        (await reminder.RemindAsync()).ShouldBe(0);
        var written = await NotificationsAsync(harness);
        written.Select(n => (n.UserName, n.Link)).ShouldBe([
            ("handler", $"/applications/{story.Ids["P6"]}"),
            ("office", $"/applications/{story.Ids["P5"]}"),
            ("office", $"/applications/{story.Ids["P6"]}"),
            ("office", $"/applications/{story.Ids["P8"]}"),
        ], ignoreOrder: true);
        var p8 = written.Single(n => n.Link == $"/applications/{story.Ids["P8"]}");
        p8.Title.ShouldBe("依申请公开即将到期：P8：请公开支部经费使用情况");
        p8.Body.ShouldBe("答复期限为 2027-01-22，请按期答复。");
        written.Single(n => n.UserName == "handler").Title.ShouldBe("依申请公开已逾期：P6：请公开支部经费使用情况");

        // Saturday 01-23: P8 is late now, a reminder of another kind; the others were told already.
        harness.Time.Advance(TimeSpan.FromDays(3));
        (await reminder.RemindAsync()).ShouldBe(1);
        (await NotificationsAsync(harness)).Last(n => n.Link == $"/applications/{story.Ids["P8"]}").Title.ShouldStartWith("依申请公开已逾期");
        (await reminder.RemindAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_application_due_in_more_than_three_working_days_or_answered_is_not_reminded()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await using (var db = harness.NewDb())
        {
            // Today is Thursday 2026-11-26: Dec 2 is the fourth working day after it (27, 30, Dec 1, 2).
            db.Applications.Add(DisclosureApplication.Paper(bureau.BranchAId, ApplicationChannel.Letter, "以后到期", null, null, null, bureau.Now, bureau["office"],
                bureau.Now, new DateOnly(2026, 12, 2)));
            var answered = DisclosureApplication.Paper(bureau.BranchAId, ApplicationChannel.Letter, "已经答复", null, null, null, bureau.Now.AddDays(-40),
                bureau["office"], bureau.Now, new DateOnly(2026, 11, 1));
            answered.AnswerWith(bureau["office"], bureau.Now, new DateOnly(2026, 11, 26), ApplicationOutcome.Refused, "不属于本组织职责。", null,
                ApplicationRefusal.NotOurDuty, null, null);
            db.Applications.Add(answered);
            await db.SaveChangesAsync();
        }

        (await harness.Services.GetRequiredService<ApplicationReminder>().RemindAsync()).ShouldBe(0);
        harness.Time.Advance(TimeSpan.FromDays(1)); // Friday: Dec 2 is now the third working day ahead
        (await harness.Services.GetRequiredService<ApplicationReminder>().RemindAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_application_tells_the_office_and_an_assignment_the_assignee()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var writer = harness.Services.GetRequiredService<NotificationWriter>();

        await harness.SignInAsync("memberA");
        int online;
        await using (var scope = harness.NewScope())
        {
            var receipt = await harness.Get<ApplicationService>(scope).SubmitAsync(
                new ApplicationSubmission(bureau.BranchAId, Audience.Public, "请公开2026年党费收缴情况", null, null, null));
            receipt.Succeeded.ShouldBeTrue(receipt.Message);
            online = receipt.Value!.Id;
        }
        await harness.SignInAsync("office");
        int paper;
        await using (var scope = harness.NewScope())
        {
            var service = harness.Get<ApplicationService>(scope);
            var receipt = await service.RegisterPaperAsync(new PaperApplicationRequest(bureau.BranchAId, ApplicationChannel.Letter,
                new DateOnly(2026, 11, 26), "来信申请公开支部活动经费", null, "张三", null));
            receipt.Succeeded.ShouldBeTrue(receipt.Message);
            paper = receipt.Value!.Id;
            (await service.AssignAsync(new AssignApplicationRequest(online, 1, bureau["handler"].UserId))).Succeeded.ShouldBeTrue();
        }

        await writer.HandleAsync(await EventsAsync(harness, online, WorkflowAction.Receive));
        await writer.HandleAsync(await EventsAsync(harness, paper, WorkflowAction.Receive));
        await writer.HandleAsync(await EventsAsync(harness, online, WorkflowAction.Assign));

        var written = await NotificationsAsync(harness);
        // The Office registered the letter herself, so only the online one reaches her; the handler hears of her assignment.
        written.Select(n => (n.UserName, n.Link)).ShouldBe([("handler", $"/applications/{online}"), ("office", $"/applications/{online}")]);
        written.Single(n => n.UserName == "office").Title.ShouldBe("收到依申请公开申请：请公开2026年党费收缴情况");
        written.Single(n => n.UserName == "handler").Title.ShouldBe("交办给您的依申请公开：请公开2026年党费收缴情况");
        written.ShouldAllBe(n => !n.Body!.Contains("memberA"));
    }

    private static async Task<IReadOnlyList<ChangeEvent>> EventsAsync(ServiceHarness harness, int id, WorkflowAction action)
    {
        await using var db = harness.NewDb();
        var events = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(DisclosureApplication) && a.EntityId == id && a.Action == action)
                .ToListAsync())
            .Select(ChangeEvent.From)
            .ToList();
        events.ShouldNotBeEmpty();
        return events;
    }
}
