using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Catalogues.Export;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class BodyTemplateServiceTests : IAsyncLifetime
{
    private const string Hostile =
        "<h2 onclick=\"alert(1)\">“三会一课”开展情况</h2><script>alert('x')</script>"
        + "<table style=\"color:red\"><tr><th>日期</th><th>会议类型</th></tr><tr><td></td><td></td></tr></table>"
        + "<p><a href=\"javascript:alert(1)\">点我</a><img src=\"data:image/png;base64,AAAA\"><img src=\"/attachments/1\"></p>";

    private ServiceHarness harness = default!;
    private TestBureau bureau = default!;
    private int itemId;
    private int occurrenceId;

    public async Task InitializeAsync()
    {
        harness = await ServiceHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness);
        var occurrences = await bureau.CatalogueAsync(2026, CatalogueState.InForce,
            new PlannedItem(bureau.BranchAId, "“三会一课”开展情况", Cadence.Quarterly, Audience.Organization, [new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 15)]));
        occurrenceId = occurrences["“三会一课”开展情况"][0];
        await using var db = harness.NewDb();
        itemId = await db.CatalogueItems.Select(i => i.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<T> AsAsync<TService, T>(string user, Func<TService, Task<T>> call) where TService : notnull
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<TService>(scope));
    }

    private Task<Result> SetAsync(string user, string html, int? version = null) =>
        AsAsync<BodyTemplateService, Result>(user, async s => await s.SetAsync(itemId, version ?? (await s.GetAsync(itemId)).Value?.Version ?? 0,
            new BodyTemplateRequest { Html = html }));

    private async Task<CatalogueItem> ItemAsync()
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.SingleAsync(i => i.Id == itemId);
    }

    private async Task<List<AuditEntry>> TemplateAuditAsync()
    {
        await using var db = harness.NewDb();
        return await db.AuditEntries.Where(a => a.Action == WorkflowAction.ChangeBodyTemplate).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task The_office_sets_a_cleaned_template_on_a_line_in_force_and_clears_it_each_change_audited_on_the_catalogue()
    {
        var set = await SetAsync("office", Hostile);

        set.Succeeded.ShouldBeTrue(set.Message);
        var stored = (await ItemAsync()).BodyTemplate;
        stored.ShouldContain("<h2>“三会一课”开展情况</h2>");
        stored.ShouldContain("<th>日期</th>");
        stored.ShouldContain("点我");
        foreach (var gone in new[] { "script", "onclick", "javascript:", "<img", "style=", "alert" }) stored.ShouldNotContain(gone);

        var cleared = await SetAsync("office", "");
        cleared.Succeeded.ShouldBeTrue(cleared.Message);
        (await ItemAsync()).BodyTemplate.ShouldBeEmpty();

        var audit = await TemplateAuditAsync();
        audit.Select(a => (a.EntityType, a.Reason, a.ActorId)).ShouldBe(
        [
            (nameof(Catalogue), "设置正文模板：“三会一课”开展情况", bureau["office"].UserId),
            (nameof(Catalogue), "清除正文模板：“三会一课”开展情况", bureau["office"].UserId),
        ]);
    }

    [Theory]
    [InlineData("secA")]
    [InlineData("leader")]
    [InlineData("admin")]
    public async Task Only_the_office_changes_a_template_anyone_else_is_refused_and_nothing_changes(string user)
    {
        var refused = await AsAsync<BodyTemplateService, Result>(user, s => s.SetAsync(itemId, 0, new BodyTemplateRequest { Html = "<p>模板</p>" }));

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        (await ItemAsync()).BodyTemplate.ShouldBeEmpty();
        (await TemplateAuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Too_much_text_is_refused_with_the_limit_and_a_stale_version_is_a_conflict()
    {
        var tooLong = await SetAsync("office", "<p>" + new string('字', BodyTemplateText.MaxTextLength + 1) + "</p>");
        tooLong.Status.ShouldBe(ResultStatus.Invalid);
        tooLong.Message.ShouldNotBeNull().ShouldContain("20000");

        var atLimit = await SetAsync("office", "<p>" + new string('字', BodyTemplateText.MaxTextLength) + "</p>");
        atLimit.Succeeded.ShouldBeTrue(atLimit.Message);

        var stale = await SetAsync("office", "<p>另一个模板</p>", version: 0);
        stale.Status.ShouldBe(ResultStatus.Conflict);
        (await ItemAsync()).BodyTemplate.Length.ShouldBe(BodyTemplateText.MaxTextLength + "<p></p>".Length);
        (await TemplateAuditAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_draft_started_from_an_occurrence_starts_from_the_template_and_a_later_change_leaves_it_alone()
    {
        (await SetAsync("office", CatalogueTemplateHtml)).Succeeded.ShouldBeTrue();
        var template = (await ItemAsync()).BodyTemplate;

        var started = await AsAsync<DraftService, Result<int>>("drafterA", s => s.StartAsync(occurrenceId));
        started.Succeeded.ShouldBeTrue(started.Message);
        (await SetAsync("office", "<p>改过的模板</p>")).Succeeded.ShouldBeTrue();

        await using var db = harness.NewDb();
        var draft = await db.Disclosures.SingleAsync(d => d.Id == started.Value);
        draft.Body.ShouldBe(template);
        draft.Body.ShouldContain("<th>记录人</th>");
    }

    [Fact]
    public async Task Without_a_template_a_draft_starts_empty()
    {
        var started = await AsAsync<DraftService, Result<int>>("drafterA", s => s.StartAsync(occurrenceId));

        await using var db = harness.NewDb();
        (await db.Disclosures.SingleAsync(d => d.Id == started.Value)).Body.ShouldBeEmpty();
    }

    private static string CatalogueTemplateHtml => CatalogueTemplate.MeetingsBodyTemplate;
}
