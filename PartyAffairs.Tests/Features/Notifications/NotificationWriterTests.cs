using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

public sealed class NotificationWriterTests
{
    private static async Task<IReadOnlyList<ChangeEvent>> EventsAsync(ServiceHarness harness, string entityType, int entityId, WorkflowAction action)
    {
        await using var db = harness.NewDb();
        return (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == entityType && a.EntityId == entityId && a.Action == action)
                .ToListAsync())
            .Select(ChangeEvent.From)
            .ToList();
    }

    private static async Task<List<(string UserName, string Title, string? Body, string? Link)>> NotificationsAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return (await (from n in db.Notifications
                       join u in db.Users on n.UserId equals u.Id
                       orderby u.UserName
                       select new { u.UserName, n.Title, n.Body, n.Link })
                .ToListAsync())
            .Select(n => (n.UserName!, n.Title, (string?)n.Body, (string?)n.Link))
            .ToList();
    }

    private static async Task<int> VersionAsync(ServiceHarness harness, int disclosureId)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Version).SingleAsync();
    }

    [Fact]
    public async Task A_submitted_in_catalogue_disclosure_goes_to_its_branch_secretary_and_the_office_but_not_to_another_branch()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var writer = harness.Services.GetRequiredService<NotificationWriter>();

        await writer.HandleAsync(await EventsAsync(harness, nameof(Disclosure), bureau.InCatalogueId, WorkflowAction.Submit));

        var written = await NotificationsAsync(harness);
        written.Select(n => n.UserName).ShouldBe(["office", "secretaryA"]);
        written.ShouldAllBe(n => n.Title == "待审核：党费收缴情况" && n.Link == $"/disclosures/{bureau.InCatalogueId}");
        written[0].Body.ShouldBe("drafterA提交了公开事项，请审核。");
    }

    [Fact]
    public async Task A_submitted_out_of_catalogue_disclosure_goes_to_the_office_only()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var writer = harness.Services.GetRequiredService<NotificationWriter>();

        await writer.HandleAsync(await EventsAsync(harness, nameof(Disclosure), bureau.OutOfCatalogueId, WorkflowAction.Submit));

        (await NotificationsAsync(harness)).Select(n => n.UserName).ShouldBe(["office"]);
    }

    [Fact]
    public async Task Approval_and_rejection_go_to_the_author_with_the_reviewers_comment()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var writer = harness.Services.GetRequiredService<NotificationWriter>();
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var review = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
            (await review.ApproveAsync(bureau.InCatalogueId, await VersionAsync(harness, bureau.InCatalogueId), true, null)).Succeeded.ShouldBeTrue();
            (await review.RejectAsync(bureau.OutOfCatalogueId, await VersionAsync(harness, bureau.OutOfCatalogueId), "请写明依据")).Succeeded.ShouldBeTrue();
        }

        await writer.HandleAsync([
            .. await EventsAsync(harness, nameof(Disclosure), bureau.InCatalogueId, WorkflowAction.Approve),
            .. await EventsAsync(harness, nameof(Disclosure), bureau.OutOfCatalogueId, WorkflowAction.Reject),
        ]);

        var written = await NotificationsAsync(harness);
        written.Count.ShouldBe(2);
        written.ShouldAllBe(n => n.UserName == "drafterA");
        written.ShouldContain(n => n.Title == "已通过审核：党费收缴情况" && n.Link == $"/disclosures/{bureau.InCatalogueId}");
        written.ShouldContain(n => n.Title == "已退回修改：临时公开事项" && n.Body!.Contains("请写明依据"));
    }

    [Fact]
    public async Task Assigned_feedback_goes_to_the_assignee()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var disclosureId = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "经费使用情况", Audience.Public, DisclosureState.Published, bureau.Now);
        var feedbackId = await bureau.FeedbackAsync(disclosureId, bureau.Now, null);
        await using (var db = harness.NewDb())
        {
            var feedback = await db.Feedback.SingleAsync(f => f.Id == feedbackId);
            feedback.Assign(bureau["handler"], bureau.Now, bureau["secA"].UserId, "secA", null);
            await db.SaveChangesAsync();
        }

        await harness.Services.GetRequiredService<NotificationWriter>().HandleAsync(await EventsAsync(harness, nameof(Feedback), feedbackId, WorkflowAction.Assign));

        var written = await NotificationsAsync(harness);
        written.Select(n => (n.UserName, n.Title, n.Link)).ShouldBe([("secA", "意见反馈已分派给您", $"/feedback/{feedbackId}")]);
    }

    [Fact]
    public async Task Once_started_it_hears_a_rejection_committed_through_the_service()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var writer = harness.Services.GetRequiredService<NotificationWriter>();
        await writer.StartAsync(CancellationToken.None);
        try
        {
            await harness.SignInAsync("secretaryA");
            await using var scope = harness.NewScope();
            var review = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
            (await review.RejectAsync(bureau.InCatalogueId, await VersionAsync(harness, bureau.InCatalogueId), "数字有误")).Succeeded.ShouldBeTrue();

            var written = await Eventually.ReturnsAsync(() => NotificationsAsync(harness), w => w.Count > 0, TimeSpan.FromSeconds(10),
                "the started writer notifies the drafter of the rejection");
            written.Select(n => (n.UserName, n.Title)).ShouldBe([("drafterA", "已退回修改：党费收缴情况")]);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }
}
