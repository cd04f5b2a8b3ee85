using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Audit;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Archive;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>
/// Anonymous feedback keeps no link to its sender (issue 16): not in the row, the audit entry, notifications or the archive;
/// and older entries that named her are shown as 匿名 on every page and export that reads them.
/// </summary>
public sealed class AnonymousFeedbackTests : ArchiveTestBase
{
    private async Task<(int DisclosureId, string MemberId)> OnDisplayWithMemberAsync()
    {
        var memberId = await harness.CreateUserAsync("member-zhang", branchId, Roles.Member);
        var disclosureId = await ClosedDisclosureAsync(close: false, closedAt: now.AddDays(3));
        return (disclosureId, memberId);
    }

    /// <summary>Takes the feedback to closed and the item to closed, so it can be archived.</summary>
    private async Task CloseAllAsync(int disclosureId)
    {
        await using var db = harness.NewDb();
        var calendar = await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync();
        var zone = harness.Services.GetRequiredService<BureauClock>().Zone;
        foreach (var f in await db.Feedback.Where(f => f.DisclosureId == disclosureId && f.State != FeedbackState.Closed).ToListAsync())
        {
            f.Assign(office, now, office.UserId, office.DisplayName, null);
            f.AnswerWith(office, now, "答复", null);
            f.ReportTo(office, now, office.UserId, "书记", "结果", null, null);
            f.Acknowledge(office, now, null, calendar, zone);
            f.Close(office, now);
        }
        (await db.Disclosures.SingleAsync(d => d.Id == disclosureId)).Close(Actor.System, now, "提前结束");
        await db.SaveChangesAsync();
    }

    private async Task<string> SnapshotJsonAsync(int disclosureId)
    {
        await harness.SignInAsync("office");
        (await ArchiveAsync(disclosureId)).Succeeded.ShouldBeTrue();
        await using var db = harness.NewDb();
        return await db.ArchiveRecords.Where(r => r.DisclosureId == disclosureId).Select(r => r.CanonicalJson).SingleAsync();
    }

    [Fact]
    public async Task A_signed_in_member_who_ticks_anonymous_leaves_no_user_id_or_name_in_the_row_the_audit_notifications_or_the_snapshot()
    {
        var (disclosureId, memberId) = await OnDisplayWithMemberAsync();
        await harness.SignInAsync("member-zhang");
        Result<int> submitted;
        await using (var scope = harness.NewScope())
            submitted = await harness.Get<FeedbackSubmissionService>(scope)
                .SubmitAsync(new FeedbackSubmission(disclosureId, "食堂账目请公开", true, "张三", "13800000000"));
        submitted.Succeeded.ShouldBeTrue(submitted.Message);

        await using (var db = harness.NewDb())
        {
            var row = await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == submitted.Value);
            row.SubmittedById.ShouldBeNull();
            row.SenderName.ShouldBeNull();
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Feedback) && a.EntityId == row.Id);
            entry.ActorId.ShouldBe("");
            entry.ActorName.ShouldBe("匿名");
            (await db.AuditEntries.AnyAsync(a => a.ActorId == memberId || a.ActorName == "member-zhang")).ShouldBeFalse();
            (await db.Notifications.AnyAsync(n => n.Title.Contains("member-zhang") || (n.Body != null && n.Body.Contains("member-zhang")))).ShouldBeFalse();
        }

        await CloseAllAsync(disclosureId);
        var json = await SnapshotJsonAsync(disclosureId);
        json.ShouldContain("食堂账目请公开");
        json.ShouldNotContain(memberId);
        json.ShouldNotContain("member-zhang");
    }

    [Fact]
    public async Task An_older_anonymous_entry_that_names_its_sender_shows_as_anonymous_on_the_log_its_csv_the_feedback_trail_and_in_new_archives()
    {
        var (disclosureId, memberId) = await OnDisplayWithMemberAsync();
        int feedbackId;
        await using (var db = harness.NewDb())
        {
            var d = await db.Disclosures.SingleAsync(x => x.Id == disclosureId);
            var member = new Actor(memberId, "member-zhang", branchId, new HashSet<string> { Roles.Member });
            var feedback = Feedback.Online(d, "旧的匿名意见", true, null, null, member, now, null);
            // What the code before the fix stored: the row with her id and a submission entry naming her (the log is append-only).
            feedback.ClearPendingAudit();
            db.Feedback.Add(feedback);
            await db.SaveChangesAsync();
            feedbackId = feedback.Id;
            db.AuditEntries.Add(new AuditEntry(member, now, nameof(Feedback), feedbackId, branchId, WorkflowAction.Receive, null, "Received", "Online"));
            await db.SaveChangesAsync();
            await db.Feedback.ExecuteUpdateAsync(s => s.SetProperty(f => f.SubmittedById, memberId));
        }

        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var audit = harness.Get<AuditLogService>(scope);
            var rows = (await audit.ListAsync(new AuditLogQuery(EntityType: nameof(Feedback)))).Value!.Rows;
            rows.Single(r => r.Action == WorkflowAction.Receive).ActorName.ShouldBe("匿名");
            (await audit.ListAsync(new AuditLogQuery(Person: "member-zhang"))).Value!.Total.ShouldBe(0);
            var csv = Encoding.UTF8.GetString((await audit.ExportCsvAsync(new AuditLogQuery(EntityType: nameof(Feedback)))).Value!);
            csv.ShouldNotContain("member-zhang");
            csv.ShouldContain(",匿名,");
            csv.ShouldContain("匿名规则");

            var feed = (await harness.Get<App.Features.Dashboard.DashboardService>(scope).GetAsync()).Value!.Feed;
            feed.Single(e => e.EntityType == nameof(Feedback) && e.Action == WorkflowAction.Receive).ActorName.ShouldBe("匿名");

            var detail = (await harness.Get<FeedbackQueryService>(scope).GetAsync(feedbackId)).Value!;
            detail.Trail.Single(t => t.Action == WorkflowAction.Receive).ActorName.ShouldBe("匿名");
        }

        await CloseAllAsync(disclosureId);
        var json = await SnapshotJsonAsync(disclosureId);
        json.ShouldNotContain(memberId);
        json.ShouldNotContain("member-zhang");
    }

    [Fact]
    public async Task The_archive_record_shows_feedback_text_to_those_who_handle_it_and_only_the_disclosed_result_to_the_rest()
    {
        await harness.CreateUserAsync("member", branchId, Roles.Member);
        await harness.CreateUserAsync("handler", null, Roles.FeedbackHandler);
        await harness.CreateUserAsync("other-leader", null, Roles.Leader);
        var disclosureId = await ClosedDisclosureAsync(closedFeedback: true);
        await harness.SignInAsync("office");
        (await ArchiveAsync(disclosureId)).Succeeded.ShouldBeTrue();
        int recordId;
        await using (var db = harness.NewDb()) recordId = await db.ArchiveRecords.Select(r => r.Id).SingleAsync();

        async Task<ArchiveRecordView> RecordAs(string user)
        {
            await harness.SignInAsync(user);
            await using var scope = harness.NewScope();
            var result = await harness.Get<ArchiveQueryService>(scope).GetAsync(recordId);
            result.Succeeded.ShouldBeTrue(result.Message);
            return result.Value!;
        }
        async Task<ResultStatus> PackageAs(string user)
        {
            await harness.SignInAsync(user);
            await using var scope = harness.NewScope();
            return (await harness.Get<ArchiveService>(scope).PackageAsync(recordId)).Status;
        }

        foreach (var reader in new[] { "drafter", "member" })
        {
            var view = await RecordAs(reader);
            var f = view.Snapshot.Feedback.ShouldHaveSingleItem();
            f.Content.ShouldBe("");
            f.Answer.ShouldBeNull();
            f.Resolution.ShouldBe("结果");
            view.ResultsOnly.ShouldContain(f.Id);
            view.Snapshot.Audit.ShouldNotContain(a => a.EntityType == nameof(Feedback));
            view.MayDownloadPackage.ShouldBeFalse();
            (await PackageAs(reader)).ShouldBe(ResultStatus.NotFound);
        }
        foreach (var reader in new[] { "secretary", "office" })
        {
            var view = await RecordAs(reader);
            view.Snapshot.Feedback.ShouldHaveSingleItem().Content.ShouldBe("意见");
            view.ResultsOnly.ShouldBeEmpty();
            view.MayDownloadPackage.ShouldBeTrue();
            (await PackageAs(reader)).ShouldBe(ResultStatus.Ok);
        }
        // The designated handler reads every organization's feedback, so its package too (the register stays scoped as before).
        (await PackageAs("handler")).ShouldBe(ResultStatus.Ok);
        // A leader it was not reported to reads the results only, like any member.
        (await RecordAs("other-leader")).Snapshot.Feedback.ShouldHaveSingleItem().Content.ShouldBe("");
        (await PackageAs("other-leader")).ShouldBe(ResultStatus.NotFound);
    }
}
