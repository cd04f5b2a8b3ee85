using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.Tests.Features.Assessment;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Dashboard;

/// <summary>The dashboard's card of applications for disclosure open past their due date, over <see cref="ApplicationStory"/>.</summary>
public sealed class LateApplicationsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_card_lists_the_open_applications_past_their_due_date_oldest_first()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: ApplicationStory.Today);
        var story = await ApplicationStory.CreateAsync(harness);
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var view = (await harness.Get<DashboardService>(scope).GetAsync()).Value!;

        // P6 (due 2026-09-29) and P5 (due 2027-01-15); P8 is due in two days, P4 was answered.
        view.LateApplications.Total.ShouldBe(2);
        view.LateApplications.Items.Select(r => r.Id).ShouldBe([story.Ids["P6"], story.Ids["P5"]]);
        var p6 = view.LateApplications.Items[0];
        (p6.OrganizationName, p6.State, p6.DueOn).ShouldBe(("第一党支部", ApplicationState.Assigned, new DateOnly(2026, 9, 29)));
        p6.Subject.ShouldStartWith("P6");
        // The live feed names an application by what was asked.
        view.Feed.ShouldContain(e => e.EntityType == nameof(DisclosureApplication) && e.EntityId == story.Ids["P8"]
            && e.Subject == "P8：请公开支部经费使用情况");
    }

    [Fact]
    public async Task An_answer_takes_it_off_the_open_dashboards_without_a_reload()
    {
        await using var harness = await ServiceHarness.CreateAsync(now: ApplicationStory.Today);
        var story = await ApplicationStory.CreateAsync(harness);
        var feed = harness.Services.GetRequiredService<DashboardFeed>();
        (await feed.GetAsync()).LateApplications.Total.ShouldBe(2);
        DashboardView? latest = null;
        using var watching = feed.Watch(v =>
        {
            Volatile.Write(ref latest, v);
            return Task.CompletedTask;
        });

        await using (var db = harness.NewDb())
        {
            var p5 = await db.Applications.SingleAsync(a => a.Id == story.Ids["P5"]);
            p5.AnswerWith(story.Bureau["office"], story.Bureau.Now, new DateOnly(2027, 1, 20), ApplicationOutcome.Refused, "经核实，该信息不存在。",
                null, ApplicationRefusal.DoesNotExist, null, null);
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref latest) is { LateApplications.Total: 1 } v && v.LateApplications.Items.Single().Id == story.Ids["P6"],
            Patience, "the answered application leaves the late card");
    }
}
