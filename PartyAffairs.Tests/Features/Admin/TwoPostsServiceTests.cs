using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>
/// One person, several posts, through the real services on SQLite: 王双 is a drafter and member of branch B (her own
/// organization) and secretary of branch A besides (兼任), set by the Admin on the users page. She approves A's in-catalogue
/// item as its secretary, and the approval and the audit say so; she drafts for B and may not approve her B item, which B's
/// secretary does. She reads the Organization items of A, of B and of the 机关党委 above them; A's member reads A's and the
/// 机关党委's, not B's.
/// </summary>
public sealed class TwoPostsServiceTests : IAsyncLifetime
{
    private ServiceHarness harness = default!;
    private ReviewBureau bureau = default!;
    private string twoPostsId = "";
    private int branchBLineId;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness);
        await harness.CreateUserAsync("postsAdmin", null, Roles.Admin);
        await harness.CreateUserAsync("memberA", bureau.BranchA, Roles.Member);
        twoPostsId = await harness.CreateUserAsync("wangshuang", bureau.BranchB, Roles.Drafter, Roles.Member);

        var saved = await AsAsync<UserAdminService, Result>("postsAdmin", s => s.UpdateAccessAsync(twoPostsId, new UserAccessRequest
        {
            DisplayName = "王双",
            OrganizationId = bureau.BranchB,
            Roles = new HashSet<string> { Roles.Drafter, Roles.Member },
            Besides = [new PostRequest { OrganizationId = bureau.BranchA, Role = Roles.Secretary }],
        }));
        saved.Succeeded.ShouldBeTrue(saved.Message);

        // A quarterly line of branch B in the catalogue in force, for her to draft on.
        await using var db = harness.NewDb();
        var catalogue = await db.Catalogues.SingleAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var line = new CatalogueItem(bureau.BranchB, Category.OrganizationalBuilding, "主题党日活动", "", Channel.Board, Audience.AllMembers,
            Cadence.Quarterly, false, "组织委员");
        foreach (var (seq, label, start, end) in line.PlanPeriods(now.Year))
            line.Occurrences.Add(new CatalogueOccurrence(seq, label, start, end, end.AddDays(7)));
        db.CatalogueItems.Add(line);
        db.Entry(line).Property(i => i.CatalogueId).CurrentValue = catalogue.Id;
        await db.SaveChangesAsync();
        branchBLineId = line.Id;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task She_approves_as_secretary_of_one_branch_and_is_refused_in_the_branch_where_she_drafts()
    {
        // In A she is secretary: the approval is hers, recorded in that post.
        var approved = await ApproveAsync("wangshuang", bureau.InCatalogueId);
        approved.Succeeded.ShouldBeTrue(approved.Message);
        await using (var db = harness.NewDb())
        {
            var approval = await db.Approvals.SingleAsync(a => a.DisclosureId == bureau.InCatalogueId);
            approval.ReviewerId.ShouldBe(twoPostsId);
            approval.ReviewerPost.ShouldBe($"{Roles.Secretary}@{bureau.BranchA}");
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Disclosure) && a.EntityId == bureau.InCatalogueId && a.Action == WorkflowAction.Approve);
            audit.ActorPost.ShouldBe($"{Roles.Secretary}@{bureau.BranchA}");
        }
        // The disclosure's page names the post.
        var detail = (await AsAsync<DisclosureQueryService, Result<DisclosureDetail>>("office", s => s.GetAsync(bureau.InCatalogueId))).Value!;
        detail.Approvals.Single().ReviewerPost.ShouldBe("机关第一党支部·书记");

        // In B she drafts (her own organization's post) and submits; she may not approve it, B's secretary may.
        var occurrenceId = await OpenOccurrenceAsync(branchBLineId);
        var started = await AsAsync<DraftService, Result<int>>("wangshuang", s => s.StartAsync(occurrenceId));
        started.Succeeded.ShouldBeTrue(started.Message);
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var request = new DraftRequest("主题党日活动", "本季度主题党日。", Channel.Board, Audience.AllMembers, now.AddHours(1), now.AddDays(8), false);
        var draftSaved = await AsAsync<DraftService, Result<DraftSaved>>("wangshuang", async s => await s.SaveAsync(started.Value, await VersionOfAsync(started.Value), request));
        draftSaved.Succeeded.ShouldBeTrue(draftSaved.Message);
        (await AsAsync<DisclosureReviewService, Result>("wangshuang", s => s.SubmitAsync(started.Value, draftSaved.Value!.Version))).Succeeded.ShouldBeTrue();
        await using (var db = harness.NewDb())
        {
            (await db.AuditEntries.Where(a => a.EntityType == nameof(Disclosure) && a.EntityId == started.Value && a.Action == WorkflowAction.Submit).Select(a => a.ActorPost).SingleAsync())
                .ShouldBe($"{Roles.Drafter}@{bureau.BranchB}");
        }

        var before = await ReviewBureau.SnapshotAsync(harness);
        var refused = await ApproveAsync("wangshuang", started.Value);
        refused.Status.ShouldBe(ResultStatus.Forbidden);
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
        (await ApproveAsync("secretaryB", started.Value)).Succeeded.ShouldBeTrue();

        // And she may not draft for the 机关党委, where she holds no post.
        await using var scope = harness.NewScope();
        await harness.SignInAsync("wangshuang");
        var actor = await harness.Get<ICurrentUser>(scope).GetAsync();
        AccessPolicy.CanDraftFor(actor, bureau.BranchA).ShouldBeTrue();
        AccessPolicy.CanDraftFor(actor, bureau.BranchB).ShouldBeTrue();
        AccessPolicy.CanDraftFor(actor, bureau.Committee).ShouldBeFalse();
    }

    [Fact]
    public async Task Organization_items_reach_her_in_both_branches_and_from_the_committee_above_them()
    {
        var titles = new Dictionary<int, string> { [bureau.BranchA] = "A支部内部事项", [bureau.BranchB] = "B支部内部事项", [bureau.Committee] = "机关党委内部事项" };
        await using (var db = harness.NewDb())
        {
            var now = harness.Time.GetUtcNow().UtcDateTime;
            var officeId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
            var author = new Actor(officeId, "office", bureau.Committee, new HashSet<string> { Roles.Office });
            foreach (var (organizationId, title) in titles)
            {
                var d = Disclosure.OutOfCatalogue(organizationId, Category.Other, "内部通报", Channel.Board, Audience.Organization, author, now);
                d.Edit(title, "正文", Channel.Board, Audience.Organization, now, now.AddDays(8), false, author, now);
                d.Submit(author, now, []);
                d.Approve(new Actor("setup-leader", "leader", null, new HashSet<string> { Roles.Leader }), now, true);
                d.Publish(Actor.System, now);
                db.Disclosures.Add(d);
            }
            await db.SaveChangesAsync();
        }

        (await ReadableAsync("wangshuang")).ShouldBe(titles.Values.Order().ToArray());
        (await ReadableAsync("memberA")).ShouldBe(new[] { titles[bureau.BranchA], titles[bureau.Committee] }.Order().ToArray());
        (await ReadableAsync("secretaryB")).ShouldBe(new[] { titles[bureau.BranchB], titles[bureau.Committee] }.Order().ToArray());
    }

    [Fact]
    public async Task Her_post_besides_reaches_the_cookie_the_assignees_and_the_app_bar_and_nothing_else()
    {
        await using var scope = harness.NewScope();
        var users = harness.Get<UserManager<ApplicationUser>>(scope);
        var user = await users.FindByIdAsync(twoPostsId);
        var principal = await harness.Get<IUserClaimsPrincipalFactory<ApplicationUser>>(scope).CreateAsync(user!);
        principal.IsInRole(Roles.Secretary).ShouldBeTrue();
        principal.IsInRole(Roles.Drafter).ShouldBeTrue();
        principal.IsInRole(Roles.Office).ShouldBeFalse();

        await using (var db = harness.NewDb())
        {
            (await FeedbackAccess.AssigneesAsync(db, bureau.BranchA, CancellationToken.None)).Select(p => p.Id).ShouldContain(twoPostsId);
            (await FeedbackAccess.AssigneesAsync(db, bureau.BranchB, CancellationToken.None)).Select(p => p.Id).ShouldNotContain(twoPostsId);
        }

        // The app bar offers her three posts; she may act in one of them, never in one she does not hold.
        var shell = (await AsAsync<ShellService, ShellUser>("wangshuang", s => s.GetAsync()));
        shell.PostChoices.Select(p => p.Key).ShouldBe([$"{Roles.Drafter}@{bureau.BranchB}", $"{Roles.Member}@{bureau.BranchB}", $"{Roles.Secretary}@{bureau.BranchA}"],
            ignoreOrder: true);
        (await AsAsync<ShellService, bool>("wangshuang", s => s.ChooseAsync($"{Roles.Secretary}@{bureau.Committee}"))).ShouldBeFalse();
        (await AsAsync<ShellService, bool>("wangshuang", s => s.ChooseAsync("Office"))).ShouldBeFalse();
        (await AsAsync<ShellService, bool>("wangshuang", s => s.ChooseAsync($"{Roles.Secretary}@{bureau.BranchA}"))).ShouldBeTrue();
        (await AsAsync<ShellService, ShellUser>("wangshuang", s => s.GetAsync())).Actor.ActingPost.ShouldBe(new Post(Roles.Secretary, bureau.BranchA));
    }

    [Fact]
    public async Task The_admin_cannot_give_a_post_twice_or_in_an_unknown_role_and_a_refusal_saves_nothing()
    {
        var request = new UserAccessRequest
        {
            DisplayName = "王双",
            OrganizationId = bureau.BranchB,
            Roles = new HashSet<string> { Roles.Drafter, Roles.Member },
        };
        foreach (var besides in new List<PostRequest>[]
                 {
                     [new() { OrganizationId = bureau.BranchA, Role = Roles.Secretary }, new() { OrganizationId = bureau.BranchA, Role = Roles.Secretary }],
                     [new() { OrganizationId = bureau.BranchB, Role = Roles.Drafter }],
                     [new() { OrganizationId = bureau.BranchA, Role = Roles.Office }],
                     [new() { OrganizationId = null, Role = Roles.Member }],
                     [new() { OrganizationId = 99999, Role = Roles.Member }],
                 })
        {
            request.Besides = besides;
            var result = await AsAsync<UserAdminService, Result>("postsAdmin", s => s.UpdateAccessAsync(twoPostsId, request));
            result.Status.ShouldBe(ResultStatus.Invalid);
            await using var db = harness.NewDb();
            (await db.UserPosts.Where(p => p.UserId == twoPostsId).Select(p => p.Role + "@" + p.OrganizationId).ToListAsync())
                .ShouldBe([$"{Roles.Secretary}@{bureau.BranchA}"]);
        }
    }

    private async Task<string[]> ReadableAsync(string userName)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var actor = await harness.Get<ICurrentUser>(scope).GetAsync();
        await using var db = harness.NewDb();
        return (await db.Disclosures.AsNoTracking().Where(d => d.Audience == Audience.Organization).Where(AccessPolicy.Sees(actor))
            .Where(d => d.State == DisclosureState.Published).Select(d => d.Title).ToListAsync()).Order().ToArray();
    }

    private async Task<TResult> AsAsync<TService, TResult>(string userName, Func<TService, Task<TResult>> call) where TService : notnull
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await call(harness.Get<TService>(scope));
    }

    private async Task<Result> ApproveAsync(string userName, int disclosureId) =>
        await AsAsync<DisclosureReviewService, Result>(userName, async s =>
            await s.ApproveAsync(disclosureId, await VersionOfAsync(disclosureId), confidentialityConfirmed: true, comment: null));

    private async Task<int> OpenOccurrenceAsync(int lineId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueOccurrences.Where(o => o.CatalogueItemId == lineId && o.State == OccurrenceState.Open)
            .OrderBy(o => o.Sequence).Select(o => o.Id).FirstAsync();
    }

    private async Task<int> VersionOfAsync(int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }
}
