using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>
/// The out-of-catalogue gate has no side doors, through the real services on SQLite: an event recorded on a catch-all
/// line and a draft narrower than its line go to the Office — refused to the Secretary, accepted by the Office, in the
/// Office's queues and not the Secretary's — and the review page names why.
/// </summary>
public sealed class ReviewGateServiceTests : IAsyncLifetime
{
    private ServiceHarness harness = default!;
    private ReviewBureau bureau = default!;
    private int catchAllDraftId;
    private int narrowedDraftId;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness);
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime.AddHours(8));

        // A catch-all line of branch A (category 8, 其他事项) joins the catalogue in force.
        int catchAllLineId;
        await using (var db = harness.NewDb())
        {
            var catalogue = await db.Catalogues.SingleAsync();
            var line = new CatalogueItem(bureau.BranchA, Category.Other, "其他需要公开的事项", "", Channel.Board, Audience.AllMembers,
                Cadence.Immediate, false, "书记");
            db.CatalogueItems.Add(line);
            db.Entry(line).Property(i => i.CatalogueId).CurrentValue = catalogue.Id;
            await db.SaveChangesAsync();
            catchAllLineId = line.Id;
        }

        // The Secretary records the event, the drafter drafts and submits: the ordinary path.
        var recorded = await AsAsync<ScheduleService, Result<DateOnly>>("secretaryA", async s => await s.RecordEventAsync(
            new RecordEventRequest(catchAllLineId, today.Year, "支部临时决定事项", today, await VersionOfLineAsync(catchAllLineId))));
        recorded.Succeeded.ShouldBeTrue(recorded.Message);
        catchAllDraftId = await DraftAndSubmitAsync(await OpenOccurrenceAsync(catchAllLineId), Audience.AllMembers);

        // On the quarterly line (全体党员), a draft for the branch only (党内本组织).
        var quarterlyLineId = await LineIdAsync("党费收缴情况");
        narrowedDraftId = await DraftAndSubmitAsync(await OpenOccurrenceAsync(quarterlyLineId), Audience.Organization);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_secretary_is_refused_and_the_office_approves()
    {
        foreach (var id in new[] { catchAllDraftId, narrowedDraftId })
        {
            var before = await ReviewBureau.SnapshotAsync(harness);
            var bySecretary = await ApproveAsync("secretaryA", id);
            bySecretary.Status.ShouldBe(ResultStatus.Forbidden);
            (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);

            var byOffice = await ApproveAsync("office", id);
            byOffice.Succeeded.ShouldBeTrue(byOffice.Message);
        }
        // The ordinary in-catalogue item stays the Secretary's.
        (await ApproveAsync("secretaryA", bureau.InCatalogueId)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task They_wait_in_the_offices_queues_not_the_secretarys()
    {
        var secretary = (await AsAsync<HomeService, Result<HomeSummary>>("secretaryA", s => s.GetAsync())).Value!.Secretary!;
        secretary.AwaitingReview.Items.Select(i => i.Id).ShouldBe([bureau.InCatalogueId]);

        var office = (await AsAsync<HomeService, Result<HomeSummary>>("office", s => s.GetAsync())).Value!.Office!;
        office.AwaitingApproval.Items.Select(i => i.Id).ShouldBe([bureau.OutOfCatalogueId, catchAllDraftId, narrowedDraftId], ignoreOrder: true);

        var mine = new DisclosureFilter(AwaitingMyReview: true);
        (await AsAsync<DisclosureQueryService, Result<DisclosureListView>>("secretaryA", s => s.ListAsync(mine))).Value!.Rows
            .Select(r => r.Id).ShouldBe([bureau.InCatalogueId]);
        (await AsAsync<DisclosureQueryService, Result<DisclosureListView>>("office", s => s.ListAsync(mine))).Value!.Rows
            .Select(r => r.Id).ShouldBe([bureau.InCatalogueId, bureau.OutOfCatalogueId, catchAllDraftId, narrowedDraftId], ignoreOrder: true);

        var dashboard = (await AsAsync<DashboardService, Result<DashboardView>>("office", s => s.GetAsync())).Value!;
        dashboard.SubmittedDisclosures.Items.Where(r => r.OfficeOnly).Select(r => r.Id)
            .ShouldBe([bureau.OutOfCatalogueId, catchAllDraftId, narrowedDraftId], ignoreOrder: true);
        dashboard.SubmittedDisclosures.Items.Single(r => !r.OfficeOnly).Id.ShouldBe(bureau.InCatalogueId);
    }

    [Fact]
    public async Task Their_submission_is_announced_to_the_office_not_the_secretary()
    {
        var writer = harness.Services.GetRequiredService<NotificationWriter>();
        List<ChangeEvent> events;
        await using (var db = harness.NewDb())
        {
            events = (await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == nameof(Disclosure) && a.Action == WorkflowAction.Submit && (a.EntityId == catchAllDraftId || a.EntityId == narrowedDraftId))
                    .ToListAsync())
                .Select(ChangeEvent.From).ToList();
        }

        await writer.HandleAsync(events);

        await using var read = harness.NewDb();
        var recipients = await (from n in read.Notifications join u in read.Users on n.UserId equals u.Id select u.UserName).ToListAsync();
        recipients.ShouldBe(["office", "office"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_database_runs_the_rule_as_the_objects_do(bool officeApprovesEverything)
    {
        // An Office member's own out-of-catalogue item too, so the Leader's part of the rule has something to find.
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var ownId = (await harness.Get<DraftService>(scope).StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "上级临时要求")).Value;
            await SaveAndSubmitAsync("office", ownId, Audience.Organization);
        }
        await using var db = harness.NewDb();
        var officeIds = await OfficeMembers.IdsAsync(db, CancellationToken.None);
        var loaded = await db.Disclosures.AsNoTracking().Include(d => d.CatalogueOccurrence).ThenInclude(o => o!.CatalogueItem).ToListAsync();
        loaded.Count.ShouldBe(5);
        var people = await db.Users.Where(u => u.UserName == "secretaryA" || u.UserName == "secretaryB" || u.UserName == "office" || u.UserName == "leader")
            .Select(u => new { u.Id, u.UserName, u.OrganizationId }).ToListAsync();

        foreach (var person in people)
        {
            var role = person.UserName switch { "office" => Roles.Office, "leader" => Roles.Leader, _ => Roles.Secretary };
            var actor = new Actor(person.Id, person.UserName!, person.OrganizationId, new HashSet<string> { role });
            var fromDatabase = await db.Disclosures.Where(ReviewRoute.ReviewableBy(actor, officeApprovesEverything, officeIds)).Select(d => d.Id).ToListAsync();
            var fromObjects = loaded.Where(d => ReviewRoute.CanReview(actor, d, officeApprovesEverything, officeIds.Contains(d.AuthorId))).Select(d => d.Id);
            fromDatabase.ShouldBe(fromObjects, ignoreOrder: true, customMessage: person.UserName);
        }
        var officeOnly = await db.Disclosures.Where(ReviewRoute.OfficeOnly(officeApprovesEverything)).Select(d => d.Id).ToListAsync();
        officeOnly.ShouldBe(loaded.Where(d => ReviewRoute.For(d, officeApprovesEverything).OfficeOnly).Select(d => d.Id), ignoreOrder: true);
        var gated = await db.Disclosures.Where(ReviewRoute.Gated).Select(d => d.Id).ToListAsync();
        gated.Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_review_page_says_who_approves_and_why()
    {
        var narrowed = (await AsAsync<DisclosureQueryService, Result<DisclosureDetail>>("office", s => s.GetAsync(narrowedDraftId))).Value!;
        narrowed.CanReview.ShouldBeTrue();
        narrowed.Routing!.Reasons.ShouldBe([ReviewReason.NarrowedAudience]);
        (narrowed.Routing.LineAudience, narrowed.Routing.Audience).ShouldBe((Audience.AllMembers, Audience.Organization));

        var catchAll = (await AsAsync<DisclosureQueryService, Result<DisclosureDetail>>("secretaryA", s => s.GetAsync(catchAllDraftId))).Value!;
        catchAll.CanReview.ShouldBeFalse();
        catchAll.Routing!.Reasons.ShouldBe([ReviewReason.CatchAllLine]);

        var ordinary = (await AsAsync<DisclosureQueryService, Result<DisclosureDetail>>("secretaryA", s => s.GetAsync(bureau.InCatalogueId))).Value!;
        ordinary.CanReview.ShouldBeTrue();
        ordinary.Routing!.OfficeOnly.ShouldBeFalse();
    }

    [Fact]
    public async Task An_office_members_own_out_of_catalogue_item_goes_to_a_colleague_or_a_leader()
    {
        var officeId = await harness.SignInAsync("office");
        int ownId;
        await using (var scope = harness.NewScope())
        {
            ownId = (await harness.Get<DraftService>(scope).StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "上级临时要求")).Value;
        }
        await SaveAndSubmitAsync("office", ownId, Audience.Organization);

        (await ApproveAsync("office", ownId)).Status.ShouldBe(ResultStatus.Forbidden);
        (await ApproveAsync("leader", bureau.OutOfCatalogueId)).Status.ShouldBe(ResultStatus.Forbidden);
        var byLeader = await ApproveAsync("leader", ownId);
        byLeader.Succeeded.ShouldBeTrue(byLeader.Message);
        await using var db = harness.NewDb();
        (await db.Approvals.SingleAsync(a => a.DisclosureId == ownId)).ReviewerId.ShouldNotBe(officeId);
    }

    private async Task<TResult> AsAsync<TService, TResult>(string userName, Func<TService, Task<TResult>> call) where TService : notnull
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await call(harness.Get<TService>(scope));
    }

    private async Task<Result> ApproveAsync(string userName, int disclosureId) =>
        await AsAsync<DisclosureReviewService, Result>(userName, async s =>
            await s.ApproveAsync(disclosureId, await VersionOfDisclosureAsync(disclosureId), confidentialityConfirmed: true, comment: null));

    private async Task<int> DraftAndSubmitAsync(int occurrenceId, Audience audience)
    {
        var started = await AsAsync<DraftService, Result<int>>("drafterA", s => s.StartAsync(occurrenceId));
        started.Succeeded.ShouldBeTrue(started.Message);
        await SaveAndSubmitAsync("drafterA", started.Value, audience);
        return started.Value;
    }

    private async Task SaveAndSubmitAsync(string userName, int id, Audience audience)
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var request = new DraftRequest("公开事项", "正文。", Channel.Board, audience, now.AddHours(1), now.AddDays(8), false);
        var saved = await AsAsync<DraftService, Result<DraftSaved>>(userName, async s => await s.SaveAsync(id, await VersionOfDisclosureAsync(id), request));
        saved.Succeeded.ShouldBeTrue(saved.Message);
        var submitted = await AsAsync<DisclosureReviewService, Result>(userName, s => s.SubmitAsync(id, saved.Value!.Version));
        submitted.Succeeded.ShouldBeTrue(submitted.Message);
    }

    private async Task<int> LineIdAsync(string title)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private async Task<int> VersionOfLineAsync(int lineId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Where(i => i.Id == lineId).Select(i => i.Version).SingleAsync();
    }

    private async Task<int> OpenOccurrenceAsync(int lineId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueOccurrences.Where(o => o.CatalogueItemId == lineId && o.State == OccurrenceState.Open)
            .OrderBy(o => o.Sequence).Select(o => o.Id).FirstAsync();
    }

    private async Task<int> VersionOfDisclosureAsync(int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }
}
