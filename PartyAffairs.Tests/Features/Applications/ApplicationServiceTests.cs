using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Applications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Applications;

/// <summary>依申请公开 through its services: apply, register, assign, extend, answer (each outcome), track, list, mine — and who may not.</summary>
public sealed class ApplicationServiceTests
{
    private static async Task<T> As<T>(ServiceHarness harness, string? user, Func<ApplicationService, Task<T>> call)
    {
        if (user is null) harness.Auth.SignOut();
        else await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<ApplicationService>(scope));
    }

    private static async Task<T> Query<T>(ServiceHarness harness, string user, Func<ApplicationQueryService, Task<T>> call)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<ApplicationQueryService>(scope));
    }

    private static async Task<DisclosureApplication> StoredAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task An_anonymous_application_gets_a_code_a_due_date_in_working_days_and_is_followed_by_its_code_alone()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);

        var receipt = await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, "申请公开党费收缴明细", null, null, null)));

        receipt.Succeeded.ShouldBeTrue(receipt.Message);
        var stored = await StoredAsync(harness, receipt.Value!.Id);
        stored.TrackingCodeHash.ShouldBe(TrackingCode.Hash(receipt.Value.TrackingCode));
        stored.SubmittedById.ShouldBeNull();
        // 2026-11-26 (Thursday) + 15 working days, no holiday between: 2026-12-17.
        stored.DueOn.ShouldBe(new DateOnly(2026, 12, 17));

        var tracked = await As(harness, null, s => s.TrackAsync(TrackingCode.Display(receipt.Value.TrackingCode)));
        tracked.Value!.State.ShouldBe(ApplicationState.Received);
        tracked.Value.Steps.ShouldHaveSingleItem().Action.ShouldBe(WorkflowAction.Receive);
        (await As(harness, null, s => s.TrackAsync("ABCDEFGHJKMN"))).Status.ShouldBe(ResultStatus.NotFound);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_nothing_is_stored()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);

        var blank = await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, "  ", null, null, null)));
        blank.Status.ShouldBe(ResultStatus.Invalid);
        blank.Errors.ShouldContainKey(nameof(ApplicationSubmission.Subject));
        var noOrganization = await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(9999, Audience.Public, "问", null, null, null)));
        noOrganization.Status.ShouldBe(ResultStatus.Invalid);
        var internalMatter = await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Organization, "问", null, null, null)));
        internalMatter.Status.ShouldBe(ResultStatus.Invalid);
        var otherBranch = await As(harness, "memberA", s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchBId, Audience.Organization, "问", null, null, null)));
        otherBranch.Status.ShouldBe(ResultStatus.Invalid);
        var hidden = await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, "问\u202E题", null, null, null)));
        hidden.Status.ShouldBe(ResultStatus.Invalid);

        await using var db = harness.NewDb();
        (await db.Applications.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(DisclosureApplication))).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_Office_registers_paper_assigns_and_extends_the_assignee_answers_and_others_do_not_see_it()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var paper = new PaperApplicationRequest(bureau.BranchAId, ApplicationChannel.Letter, new DateOnly(2026, 11, 20), "来信申请公开换届得票", null, "王先生", null);

        (await As(harness, "secA", s => s.RegisterPaperAsync(paper))).Status.ShouldBe(ResultStatus.Forbidden);
        var registered = await As(harness, "office", s => s.RegisterPaperAsync(paper));
        registered.Succeeded.ShouldBeTrue(registered.Message);
        var id = registered.Value!.Id;
        // Counted from the day the letter came (11-20, a Friday): 15 working days later is 12-11.
        (await StoredAsync(harness, id)).DueOn.ShouldBe(new DateOnly(2026, 12, 11));

        (await As(harness, "secB", s => s.AssignAsync(new AssignApplicationRequest(id, 1, "x")))).Status.ShouldBe(ResultStatus.NotFound);
        var secA = bureau["secA"].UserId;
        (await As(harness, "office", s => s.AssignAsync(new AssignApplicationRequest(id, 1, bureau["memberA"].UserId)))).Status.ShouldBe(ResultStatus.Invalid);
        (await As(harness, "office", s => s.AssignAsync(new AssignApplicationRequest(id, 1, secA)))).Succeeded.ShouldBeTrue();

        (await As(harness, "secA", s => s.ExtendAsync(new ExtendApplicationRequest(id, 2, "需核对")))).Status.ShouldBe(ResultStatus.Forbidden);
        (await As(harness, "office", s => s.ExtendAsync(new ExtendApplicationRequest(id, 1, "旧版本")))).Status.ShouldBe(ResultStatus.Conflict);
        (await As(harness, "office", s => s.ExtendAsync(new ExtendApplicationRequest(id, 2, "需核对历年凭证")))).Succeeded.ShouldBeTrue();
        var extended = await StoredAsync(harness, id);
        // 15 more working days from the old due date; 2027-01-01 (元旦, provisional year) is not one of them.
        (extended.ExtendedFrom, extended.DueOn).ShouldBe(((DateOnly?)new DateOnly(2026, 12, 11), new DateOnly(2027, 1, 4)));
        (await As(harness, "office", s => s.ExtendAsync(new ExtendApplicationRequest(id, 3, "再延")))).Status.ShouldBe(ResultStatus.Invalid);

        (await Query(harness, "secB", q => q.GetAsync(id))).Status.ShouldBe(ResultStatus.NotFound);
        (await Query(harness, "secB", q => q.ListAsync(new ApplicationFilter(), 0, 25))).Value!.Total.ShouldBe(0);
        (await Query(harness, "secA", q => q.ListAsync(new ApplicationFilter(), 0, 25))).Value!.Total.ShouldBe(1);
        (await Query(harness, "leader", q => q.GetAsync(id))).Value!.Can.Answer.ShouldBeFalse();

        var answered = await As(harness, "secA", s => s.AnswerAsync(new AnswerApplicationRequest(id, 3, ApplicationOutcome.Refused, "经核实，该信息不存在。",
            null, ApplicationRefusal.DoesNotExist, null, null, null)));
        answered.Succeeded.ShouldBeTrue(answered.Message);
        var stored = await StoredAsync(harness, id);
        (stored.State, stored.Outcome, stored.Refusal, stored.AnsweredLate).ShouldBe(
            (ApplicationState.Answered, (ApplicationOutcome?)ApplicationOutcome.Refused, (ApplicationRefusal?)ApplicationRefusal.DoesNotExist, (bool?)false));
    }

    [Fact]
    public async Task Partly_disclosed_with_an_existing_item_shows_the_applicant_the_link_and_what_was_withheld()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "党费收缴情况", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-1));
        var internalItem = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "支部内部事项", Audience.Organization, DisclosureState.Published, bureau.Now.AddDays(-1));
        var receipt = (await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, "申请公开党费明细", null, null, null)))).Value!;

        var linkable = await Query(harness, "office", q => q.LinkableAsync(receipt.Id, null));
        linkable.Value!.Select(d => d.Id).ShouldBe([item]);

        // An internal item cannot answer an anonymous applicant, whatever the form sent.
        var refused = await As(harness, "office", s => s.AnswerAsync(new AnswerApplicationRequest(receipt.Id, 1, ApplicationOutcome.PartlyDisclosed, "答复",
            "个人缴费基数涉及隐私", null, null, internalItem, null)));
        refused.Status.ShouldBe(ResultStatus.Invalid);
        var withoutWithheld = await As(harness, "office", s => s.AnswerAsync(new AnswerApplicationRequest(receipt.Id, 1, ApplicationOutcome.PartlyDisclosed, "答复",
            null, null, null, item, null)));
        withoutWithheld.Errors.ShouldContainKey(nameof(AnswerApplicationRequest.Withheld));

        var answered = await As(harness, "office", s => s.AnswerAsync(new AnswerApplicationRequest(receipt.Id, 1, ApplicationOutcome.PartlyDisclosed,
            "党费收缴总体情况已公开。", "个人缴费基数涉及个人隐私，不予公开。", null, null, item, null)));
        answered.Succeeded.ShouldBeTrue(answered.Message);
        answered.Value.ShouldBeNull();

        var tracked = (await As(harness, null, s => s.TrackAsync(receipt.TrackingCode))).Value!;
        (tracked.Outcome, tracked.Withheld, tracked.Link).ShouldBe(((ApplicationOutcome?)ApplicationOutcome.PartlyDisclosed,
            "个人缴费基数涉及个人隐私，不予公开。", new ApplicationLink(item, "党费收缴情况")));
        tracked.Steps.Select(s => s.Action).ShouldBe([WorkflowAction.Receive, WorkflowAction.Answer]);
    }

    [Fact]
    public async Task Disclosed_by_drafting_a_new_item_saves_the_draft_and_the_answer_together_and_links_it_once_published()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var receipt = (await As(harness, "memberA", s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Organization, "申请公开支部委员分工", null, null, null)))).Value!;

        var answered = await As(harness, "office", s => s.AnswerAsync(new AnswerApplicationRequest(receipt.Id, 1, ApplicationOutcome.Disclosed,
            "将起草支部委员分工情况予以公开。", null, null, null, null, Category.OrganizationalBuilding)));
        answered.Succeeded.ShouldBeTrue(answered.Message);
        var draftId = answered.Value!.Value;

        await using (var db = harness.NewDb())
        {
            var draft = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == draftId);
            (draft.State, draft.OrganizationId, draft.Audience, draft.CatalogueOccurrenceId).ShouldBe(
                (DisclosureState.Draft, bureau.BranchAId, Audience.Organization, (int?)null));
            draft.OutOfCatalogueReason!.ShouldContain($"第 {receipt.Id} 号申请");
            (await db.Applications.AsNoTracking().SingleAsync()).DisclosureId.ShouldBe(draftId);
        }
        // Not out yet: the applicant is told it is being prepared, with no link.
        (await As(harness, null, s => s.TrackAsync(receipt.TrackingCode))).Value!.Link.ShouldBeNull();

        var mine = await Query(harness, "memberA", q => q.MineAsync(0, 10));
        mine.Value.Rows.ShouldHaveSingleItem().View.Outcome.ShouldBe(ApplicationOutcome.Disclosed);
        (await Query(harness, "memberB", q => q.MineAsync(0, 10))).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_answer_that_would_break_a_rule_saves_no_draft()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var receipt = (await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, "申请", null, null, null)))).Value!;

        // Linking and drafting at once is refused by the form's rule, in the service too.
        var both = await As(harness, "office", s => s.AnswerAsync(new AnswerApplicationRequest(receipt.Id, 1, ApplicationOutcome.Disclosed, "答",
            null, null, null, 12345, Category.OrganizationalBuilding)));
        both.Status.ShouldBe(ResultStatus.Invalid);

        await using var db = harness.NewDb();
        (await db.Disclosures.CountAsync()).ShouldBe(0);
        (await db.Applications.AsNoTracking().SingleAsync()).State.ShouldBe(ApplicationState.Received);
    }

    [Fact]
    public async Task The_list_pages_in_sql_and_the_late_filter_finds_what_is_past_its_due_date()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        for (var i = 0; i < 30; i++)
            await As(harness, null, s => s.SubmitAsync(new ApplicationSubmission(bureau.BranchAId, Audience.Public, $"申请 {i}", null, null, null)));
        var old = await As(harness, "office", s => s.RegisterPaperAsync(new PaperApplicationRequest(bureau.BranchBId, ApplicationChannel.Phone,
            new DateOnly(2026, 10, 1), "来电申请", null, null, null)));

        var first = (await Query(harness, "office", q => q.ListAsync(new ApplicationFilter(), 0, 25))).Value!;
        (first.Rows.Count, first.Total).ShouldBe((25, 31));
        (await Query(harness, "office", q => q.ListAsync(new ApplicationFilter(), 1, 25))).Value!.Rows.Count.ShouldBe(6);
        var late = (await Query(harness, "office", q => q.ListAsync(new ApplicationFilter(LateOnly: true), 0, 25))).Value!;
        late.Rows.ShouldHaveSingleItem().Id.ShouldBe(old.Value!.Id);
        (await Query(harness, "memberA", q => q.ListAsync(new ApplicationFilter(), 0, 25))).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
