using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Dashboard;

public sealed class DashboardServiceTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Only_the_office_and_leaders_may_open_the_dashboard()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await using var scope = harness.NewScope();
        var service = harness.Get<DashboardService>(scope);

        foreach (var refused in new[] { "secA", "drafterA", "handler", "memberA", "admin" })
        {
            await harness.SignInAsync(refused);
            (await service.GetAsync()).Status.ShouldBe(ResultStatus.Forbidden, refused);
        }
        foreach (var allowed in new[] { "office", "leader" })
        {
            await harness.SignInAsync(allowed);
            (await service.GetAsync()).Succeeded.ShouldBeTrue(allowed);
        }
    }

    [Fact]
    public async Task The_cards_count_what_waits_what_falls_due_what_closes_and_what_is_late()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var now = bureau.Now;
        // Today is 2026-11-26: due 11-30 is within 7 days, 10-12 is overdue, 12-31 is neither.
        var plan = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "支部党员大会", Cadence.Quarterly, Audience.Organization, [D(2026, 10, 12), D(2026, 11, 30), D(2026, 12, 31)]));
        // A catalogue under review sets no due dates yet, so its past date is not overdue.
        await bureau.CatalogueAsync(2027, CatalogueState.Submitted,
            new PlannedItem(bureau.BranchBId, "下年度事项", Cadence.Yearly, Audience.Public, [D(2026, 1, 1)]));
        await bureau.ForOccurrenceAsync(plan["支部党员大会"][2], "四季度党员大会", DisclosureState.Submitted, now, "drafterA");
        await bureau.OutOfCatalogueAsync(bureau.BranchBId, "临时通知", Audience.Public, DisclosureState.Submitted, now, "secB");
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "即将结束", Audience.Public, DisclosureState.Published, now.AddDays(-5));
        var stillShowing = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "仍在公示", Audience.Public, DisclosureState.Published, now.AddDays(-1));
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "已结束", Audience.Public, DisclosureState.Closed, now.AddDays(-20));
        await bureau.FeedbackAsync(stillShowing, now.AddHours(-20), stepDueAtUtc: now.AddHours(-1));
        await bureau.FeedbackAsync(stillShowing, now.AddHours(-10), stepDueAtUtc: now.AddDays(2));
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var view = (await harness.Get<DashboardService>(scope).GetAsync()).Value!;

        view.SubmittedDisclosures.Total.ShouldBe(2);
        view.SubmittedDisclosures.Items[0].ShouldSatisfyAllConditions(
            d => d.Title.ShouldBe("临时通知"),
            d => d.OfficeOnly.ShouldBeTrue(),
            d => d.OrganizationName.ShouldBe("第二党支部"));
        view.SubmittedDisclosures.Items[1].OfficeOnly.ShouldBeFalse();
        view.SubmittedCatalogues.ShouldHaveSingleItem().Year.ShouldBe(2027);
        view.DueSoon.Items.ShouldHaveSingleItem().DueDate.ShouldBe(D(2026, 11, 30));
        view.Overdue.Items.ShouldHaveSingleItem().DueDate.ShouldBe(D(2026, 10, 12));
        view.OnDisplay.ShouldBe(2);
        view.ClosingSoon.Items.ShouldHaveSingleItem().Title.ShouldBe("即将结束");
        view.LateFeedback.Items.ShouldHaveSingleItem().DisclosureTitle.ShouldBe("仍在公示");
    }

    [Fact]
    public async Task The_feed_shows_the_latest_thirty_transitions_newest_first_with_their_subjects()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        for (var i = 1; i <= 15; i++)
        {
            await bureau.OutOfCatalogueAsync(bureau.BranchAId, $"事项{i}", Audience.Public, DisclosureState.Submitted, bureau.Now, "secA");
        }
        await bureau.OutOfCatalogueAsync(bureau.BranchBId, "最后一项", Audience.Public, DisclosureState.Rejected, bureau.Now, "secB");
        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();

        var feed = (await harness.Get<DashboardService>(scope).GetAsync()).Value!.Feed;

        feed.Count.ShouldBe(DashboardService.FeedSize);
        feed.Select(e => e.Id).ShouldBeInOrder(SortDirection.Descending);
        feed[0].ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe(WorkflowAction.Reject),
            e => e.Subject.ShouldBe("最后一项"),
            e => e.OrganizationName.ShouldBe("第二党支部"),
            e => (e.FromState, e.ToState).ShouldBe(("Submitted", "Rejected")));
    }

    [Fact]
    public async Task Drafts_held_back_by_sensitive_words_wait_on_the_dashboard_until_a_reviewer_lets_them_through()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var now = bureau.Now;
        var drafter = bureau["drafterA"];
        int heldId;
        await using (var db = harness.NewDb())
        {
            var held = Disclosure.OutOfCatalogue(bureau.BranchAId, Category.Other, "理由", Channel.Board, Audience.Public, drafter, now);
            held.Edit("通知", "本文件属机密，请勿外传", Channel.Board, Audience.Public, now.AddHours(1), now.AddDays(3), false, drafter, now);
            var clean = Disclosure.OutOfCatalogue(bureau.BranchAId, Category.Other, "理由", Channel.Board, Audience.Public, drafter, now);
            clean.Edit("通知", "本周五召开党员大会", Channel.Board, Audience.Public, now.AddHours(1), now.AddDays(3), false, drafter, now);
            db.Disclosures.AddRange(held, clean);
            await db.SaveChangesAsync();
            heldId = held.Id;
        }
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var dashboard = harness.Get<DashboardService>(scope);

        var waiting = (await dashboard.GetAsync()).Value!.SensitiveWordsWaiting.ShouldHaveSingleItem();
        (waiting.Id, waiting.Words.Single()).ShouldBe((heldId, "机密"));

        await using (var db = harness.NewDb())
        {
            var held = await db.Disclosures.FindAsync(heldId);
            held!.OverrideSensitiveWords(bureau["office"], now, ["机密"], "指已公开的制度名称");
            await db.SaveChangesAsync();
        }
        (await dashboard.GetAsync()).Value!.SensitiveWordsWaiting.ShouldBeEmpty();
    }
}
