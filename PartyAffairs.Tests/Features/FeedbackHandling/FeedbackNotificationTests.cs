using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>The leader hears of a report; whoever holds a late step hears of it once per step.</summary>
public sealed class FeedbackNotificationTests
{
    private static async Task<List<(string UserName, string Title, string? Link)>> NotificationsAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return (await (from n in db.Notifications
                       join u in db.Users on n.UserId equals u.Id
                       orderby n.Id
                       select new { u.UserName, n.Title, n.Link })
                .ToListAsync())
            .Select(n => (n.UserName!, n.Title, (string?)n.Link))
            .ToList();
    }

    private static async Task<Result> As(ServiceHarness harness, string user, Func<FeedbackHandlingService, Task<Result>> step)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await step(harness.Get<FeedbackHandlingService>(scope));
    }

    [Fact]
    public async Task The_leader_it_is_reported_to_is_notified_with_a_link_to_the_feedback()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var disclosure = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now);
        var id = await bureau.FeedbackAsync(disclosure, bureau.Now, null);
        await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)));
        await As(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "答复")));
        (await As(harness, "handler", s => s.ReportAsync(new ReportFeedbackRequest(id, 3, bureau["leader"].UserId, "结果", null)))).Succeeded.ShouldBeTrue();
        List<ChangeEvent> events;
        await using (var db = harness.NewDb())
        {
            events = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Feedback) && a.EntityId == id).ToListAsync())
                .Select(ChangeEvent.From).ToList();
        }

        await harness.Services.GetRequiredService<NotificationWriter>().HandleAsync(events);

        var written = await NotificationsAsync(harness);
        written.ShouldContain(("leader", "有意见反馈报告给您", $"/feedback/{id}"));
        written.ShouldContain(("handler", "意见反馈已分派给您", $"/feedback/{id}"));
    }

    [Fact]
    public async Task A_re_disclosure_opened_from_feedback_is_announced_to_the_branch_that_writes_it()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var disclosure = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now);
        var id = await bureau.FeedbackAsync(disclosure, bureau.Now, null);
        await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["handler"].UserId)));
        await As(harness, "handler", s => s.AnswerAsync(new AnswerFeedbackRequest(id, 2, "将更正后再次公开。")));
        await harness.SignInAsync("handler");
        int draft;
        await using (var scope = harness.NewScope())
        {
            var started = await harness.Get<FeedbackHandlingService>(scope).StartRedisclosureAsync(new FeedbackReasonRequest(id, 3, "根据意见更正"));
            started.Succeeded.ShouldBeTrue(started.Message);
            draft = started.Value;
        }
        List<ChangeEvent> events;
        await using (var db = harness.NewDb())
        {
            events = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Feedback) && a.EntityId == id && a.Action == WorkflowAction.StartRedisclosure).ToListAsync())
                .Select(ChangeEvent.From).ToList();
        }

        await harness.Services.GetRequiredService<NotificationWriter>().HandleAsync(events);

        var written = await NotificationsAsync(harness);
        written.Where(n => n.Link == $"/disclosures/{draft}").Select(n => n.UserName).Order().ShouldBe(["drafterA", "secA"]);
        written.ShouldAllBe(n => n.Link != $"/disclosures/{draft}" || n.Title.StartsWith("据意见再次公开"));
    }

    [Fact]
    public async Task A_late_step_notifies_its_holder_once_and_the_next_late_step_again()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var disclosure = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));
        var id = await bureau.FeedbackAsync(disclosure, bureau.Now.AddDays(-5), stepDueAtUtc: bureau.Now.AddHours(-1));
        var onTime = await bureau.FeedbackAsync(disclosure, bureau.Now, stepDueAtUtc: bureau.Now.AddDays(2));
        var reminder = harness.Services.GetRequiredService<FeedbackReminder>();

        (await reminder.RemindAsync()).ShouldBe(1);
        (await reminder.RemindAsync()).ShouldBe(0);
        var first = (await NotificationsAsync(harness)).ShouldHaveSingleItem();
        first.UserName.ShouldBe("handler");
        first.Title.ShouldBe("意见反馈办理超期：经费（已收到）");
        first.Link.ShouldBe($"/feedback/{id}");

        (await As(harness, "handler", s => s.AssignAsync(new AssignFeedbackRequest(id, 1, bureau["secA"].UserId)))).Succeeded.ShouldBeTrue();
        (await reminder.RemindAsync()).ShouldBe(0);
        harness.Time.Advance(TimeSpan.FromDays(14));

        (await reminder.RemindAsync()).ShouldBe(2); // secA's answer is late now, and so is the other feedback's assignment
        var written = await NotificationsAsync(harness);
        written.ShouldContain(n => n.UserName == "secA" && n.Link == $"/feedback/{id}");
        written.ShouldContain(n => n.UserName == "handler" && n.Link == $"/feedback/{onTime}");
    }
}
