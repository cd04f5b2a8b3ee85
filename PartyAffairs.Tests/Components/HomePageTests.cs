using Bunit;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Home;
using PartyAffairs.Tests.Features.Home;

namespace PartyAffairs.Tests.Components;

public sealed class HomePageTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private HomeScenario scenario = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        scenario = await HomeScenario.BuildAsync(harness.Backend);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = harness.Backend.NewDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_secretary_is_greeted_in_Chinese_and_sees_their_branchs_work_with_links_to_the_steps()
    {
        harness.UseCulture("zh-CN");
        harness.SignInAs("李书记", scenario.Branch1, [Roles.Secretary, Roles.Member], await UserIdAsync("secretary"));

        var cut = harness.Context.Render<HomePage>();

        cut.WaitForAssertion(() => cut.Find("[data-section=secretary]"));
        cut.Find("h1").TextContent.ShouldBe("您好，李书记");
        cut.Markup.ShouldContain("第一党支部");
        cut.Markup.ShouldContain("今天是 2026年11月26日 星期四");
        var sections = cut.FindAll("[data-section]").Select(s => s.GetAttribute("data-section")).ToList();
        sections.ShouldBe(["secretary", "member"]);

        var secretary = cut.Find("[data-section=secretary]");
        secretary.TextContent.ShouldContain("支部书记工作台");
        // Each count opens the list it counts, narrowed as it counts (HomeServiceTests checks the lengths agree).
        Stat(secretary, "overdue").ShouldBe(("1", "已逾期未公开", "/catalogue/schedule?status=Overdue"));
        Stat(secretary, "due-soon").ShouldBe(("1", "14 天内到期", "/catalogue/schedule?status=DueSoon&within=14"));
        Stat(secretary, "drafts").ShouldBe(("2", "本组织草稿", "/disclosures?drafts=1"));
        Stat(secretary, "awaiting-review").ShouldBe(("1", "待我审核", "/disclosures?review=1"));
        Stat(secretary, "open-feedback").ShouldBe(("1", "未办结反馈", "/feedback?open=1"));
        Stat(secretary, "late-feedback").ShouldBe(("1", "超期反馈", "/feedback?late=1"));
        secretary.QuerySelector("[data-stat=overdue]")!.ClassList.ShouldContain("home-stat-alert");
        secretary.QuerySelector("[data-list=overdue]")!.TextContent.ShouldContain("党费收缴情况");
        secretary.QuerySelector("[data-list=overdue]")!.TextContent.ShouldContain("已逾期（2026-11-20）");
        secretary.QuerySelector("[data-list=awaiting-review]")!.TextContent.ShouldContain("第三季度党费收缴情况");
        secretary.QuerySelector("[data-list=drafts]")!.TextContent.ShouldContain("退回意见：" + scenario.RejectionComment);
    }

    [Fact]
    public async Task A_member_of_another_branch_sees_only_the_reading_section_in_English_when_they_chose_English()
    {
        harness.UseCulture("en");
        harness.SignInAs("Wang", scenario.Branch2, [Roles.Member], await UserIdAsync("member2"));

        var cut = harness.Context.Render<HomePage>();

        cut.WaitForAssertion(() => cut.Find("[data-section=member]"));
        cut.Find("h1").TextContent.ShouldBe("Hello, Wang");
        cut.FindAll("[data-section]").Count.ShouldBe(1);
        var items = cut.Find("[data-list=on-display]");
        items.TextContent.ShouldContain("第二党支部党费使用情况");
        items.QuerySelectorAll("a.home-line").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/disclosures/"));
    }

    private static (string Value, string Label, string? Href) Stat(AngleSharp.Dom.IElement section, string key)
    {
        var stat = section.QuerySelector($"[data-stat={key}]")!;
        return (stat.QuerySelector(".home-stat-value")!.TextContent, stat.QuerySelector(".home-stat-label")!.TextContent, stat.GetAttribute("href"));
    }
}
