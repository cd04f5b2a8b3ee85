using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Home;

public sealed class HomeServiceTests : IAsyncLifetime
{
    private ServiceHarness harness = default!;
    private HomeScenario scenario = default!;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        scenario = await HomeScenario.BuildAsync(harness);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<HomeSummary> HomeOfAsync(string userName)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await harness.Get<HomeService>(scope).GetAsync();
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task A_secretary_sees_only_their_own_organizations_work()
    {
        var home = await HomeOfAsync("secretary");

        home.OrganizationName.ShouldBe("第一党支部");
        var s = home.Secretary.ShouldNotBeNull();
        s.Overdue.Items.Select(o => o.Label).ShouldBe(["2026-Q3"]);
        s.Overdue.Items.Single().IsOverdue.ShouldBeTrue();
        // Due on 12-05 is within 14 days; 2027-01-10, the other branch's and the 2027 draft catalogue's are not.
        s.DueSoon.Items.Select(o => o.Label).ShouldBe(["2026-Q4"]);
        s.Drafts.Total.ShouldBe(2);
        s.AwaitingReview.Items.Select(d => d.Id).ShouldBe([scenario.SubmittedInCatalogueId]);
        s.OpenFeedback.ShouldBe(1);
        s.LateFeedback.ShouldBe(1);
        home.Member.ShouldNotBeNull();
        home.Office.ShouldBeNull();
        home.Admin.ShouldBeNull();
    }

    [Fact]
    public async Task A_drafter_sees_their_drafts_and_the_reviewers_comment_on_what_came_back()
    {
        var home = await HomeOfAsync("drafter");

        var d = home.Drafter.ShouldNotBeNull();
        d.Drafts.Items.Select(x => x.Id).ShouldBe([scenario.DraftId]);
        var rejected = d.Rejected.Items.ShouldHaveSingleItem();
        rejected.Id.ShouldBe(scenario.RejectedId);
        rejected.ReviewComment.ShouldBe(scenario.RejectionComment);
        // Q3 is overdue (due 11-20): the secretary's home counts it as such, and the drafter's 14 天内到期 does not count it again.
        d.DueSoon.Items.Select(o => (o.Label, o.IsOverdue)).ShouldBe([("2026-Q4", false)]);
        d.DueSoon.Total.ShouldBe(1);
        home.Secretary.ShouldBeNull();
    }

    [Fact]
    public async Task Every_count_on_the_secretarys_home_is_the_length_of_the_list_its_tile_opens()
    {
        var s = (await HomeOfAsync("secretary")).Secretary.ShouldNotBeNull();

        // Each filter is what the tile's query string asks for (AppRoutes: DisclosureDrafts, DisclosuresAwaitingMyReview, ScheduleWhere, Feedback*).
        await using var scope = harness.NewScope();
        var disclosures = harness.Get<PartyAffairs.App.Features.Publishing.DisclosureQueryService>(scope);
        (await disclosures.ListAsync(new(Drafts: true))).Value!.Rows.Count.ShouldBe(s.Drafts.Total);
        (await disclosures.ListAsync(new(AwaitingMyReview: true))).Value!.Rows.Count.ShouldBe(s.AwaitingReview.Total);
        var schedule = harness.Get<PartyAffairs.App.Features.Catalogues.Schedule.ScheduleService>(scope);
        (await schedule.GetAsync(2026, new(Status: OccurrenceStatus.DueSoon, SoonDays: HomeService.DueSoonDays))).Value!.Rows.Count.ShouldBe(s.DueSoon.Total);
        (await schedule.GetAsync(2026, new(Status: OccurrenceStatus.Overdue))).Value!.Rows.Count.ShouldBe(s.Overdue.Total);
        var feedback = harness.Get<PartyAffairs.App.Features.FeedbackHandling.FeedbackQueryService>(scope);
        (await feedback.ListAsync(new(OpenOnly: true))).Value!.Rows.Count.ShouldBe(s.OpenFeedback);
        (await feedback.ListAsync(new(LateOnly: true))).Value!.Rows.Count.ShouldBe(s.LateFeedback);
    }

    [Fact]
    public async Task A_drafters_tiles_open_their_own_drafts_and_rejections()
    {
        var d = (await HomeOfAsync("drafter")).Drafter.ShouldNotBeNull();

        await using var scope = harness.NewScope();
        var disclosures = harness.Get<PartyAffairs.App.Features.Publishing.DisclosureQueryService>(scope);
        (await disclosures.ListAsync(new(State: DisclosureState.Draft, Mine: true))).Value!.Rows.Select(r => r.Id).ShouldBe(d.Drafts.Items.Select(x => x.Id));
        (await disclosures.ListAsync(new(State: DisclosureState.Rejected, Mine: true))).Value!.Rows.Count.ShouldBe(d.Rejected.Total);
    }

    [Fact]
    public async Task The_office_sees_out_of_catalogue_items_the_submitted_catalogue_and_bureau_wide_lateness()
    {
        var home = await HomeOfAsync("office");

        var o = home.Office.ShouldNotBeNull();
        o.AwaitingApproval.Items.Select(x => x.Id).ShouldBe([scenario.SubmittedOutOfCatalogueId]);
        o.CataloguesAwaitingApproval.Select(c => c.Year).ShouldBe([2027]);
        o.OverdueOccurrences.ShouldBe(2);
        o.LateFeedback.ShouldBe(1);
    }

    [Fact]
    public async Task When_the_office_approves_everything_in_catalogue_items_move_from_the_secretary_to_the_office()
    {
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var settings = harness.Get<SettingsService>(scope);
            var current = await settings.GetAsync();
            (await settings.SaveAsync(current with { OfficeApprovesEverything = true })).Succeeded.ShouldBeTrue();
        }

        var office = (await HomeOfAsync("office")).Office.ShouldNotBeNull();
        office.AwaitingApproval.Items.Select(x => x.Id)
            .ShouldBe([scenario.SubmittedInCatalogueId, scenario.SubmittedOutOfCatalogueId], ignoreOrder: true);
        var secretary = (await HomeOfAsync("secretary")).Secretary.ShouldNotBeNull();
        secretary.AwaitingReview.Total.ShouldBe(0);
        secretary.OfficeApprovesEverything.ShouldBeTrue();
    }

    [Fact]
    public async Task Leader_and_handler_see_what_is_on_display_and_the_feedback_to_handle_most_pressing_first()
    {
        var leader = (await HomeOfAsync("leader")).Leader.ShouldNotBeNull();
        leader.OnDisplay.ShouldBe(3);
        leader.CataloguesAwaitingApproval.ShouldHaveSingleItem();
        leader.LateFeedback.ShouldBe(1);

        var handler = (await HomeOfAsync("handler")).FeedbackHandler.ShouldNotBeNull();
        handler.ToHandle.Total.ShouldBe(2);
        handler.ToHandle.Items[0].IsLate.ShouldBeTrue();
        handler.ToHandle.Items[0].DisclosureTitle.ShouldBe("第一党支部服务群众承诺");
        handler.Late.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_sees_only_items_the_audience_rule_lets_them_read()
    {
        var ownBranch = (await HomeOfAsync("member2")).Member.ShouldNotBeNull();
        ownBranch.OnDisplay.Items.Select(d => d.Title)
            .ShouldBe(["第二党支部换届选举结果", "第二党支部党费使用情况", "第一党支部服务群众承诺"], ignoreOrder: true);

        // The drafter of branch 1 is a member too, but not of branch 2: its Organization-only item stays hidden.
        var otherBranch = (await HomeOfAsync("drafter")).Member.ShouldNotBeNull();
        otherBranch.OnDisplay.Items.Select(d => d.Title).ShouldNotContain("第二党支部党费使用情况");
        otherBranch.OnDisplay.Total.ShouldBe(2);
    }

    [Fact]
    public async Task An_admin_sees_counts_and_no_content_sections()
    {
        var home = await HomeOfAsync("admin");

        var admin = home.Admin.ShouldNotBeNull();
        admin.Users.ShouldBe(7);
        admin.ActiveOrganizations.ShouldBe(3);
        (home.Secretary, home.Office, home.Member).ShouldBe((null, null, null));
    }

    [Fact]
    public async Task Nobody_signed_in_gets_a_refusal_not_a_summary()
    {
        harness.Auth.SignOut();
        await using var scope = harness.NewScope();

        var result = await harness.Get<HomeService>(scope).GetAsync();

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Value.ShouldBeNull();
    }
}
