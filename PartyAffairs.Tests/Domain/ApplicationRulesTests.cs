using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>依申请公开 (<see cref="ApplicationRules"/>, <see cref="DisclosureApplication"/>): who may ask, what each answer carries, one extension, late.</summary>
public sealed class ApplicationRulesTests
{
    private const int Own = 7;
    private const int Other = 8;
    private static readonly DateTime Now = DomainFixtures.Now;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly Actor Office = new("office-id", "办公室", 1, new HashSet<string> { Roles.Office });
    private static readonly Actor Member = new("member-id", "党员", Own, new HashSet<string> { Roles.Member });

    [Theory]
    [InlineData(Audience.Public, Own, false, null, true)]
    [InlineData(Audience.Public, Own, true, Other, true)]
    [InlineData(Audience.AllMembers, Own, false, null, false)]
    [InlineData(Audience.AllMembers, Own, true, Other, true)]
    [InlineData(Audience.Organization, Own, false, null, false)]
    [InlineData(Audience.Organization, Own, true, Other, false)]
    [InlineData(Audience.Organization, Own, true, Own, true)]
    [InlineData(Audience.Organization, Own, true, null, false)]
    public void Anyone_asks_about_public_matters_a_member_also_about_all_member_and_her_own_organizations(
        Audience scope, int organizationId, bool signedIn, int? memberOrganizationId, bool allowed)
    {
        ApplicationRules.MayAsk(scope, organizationId, signedIn, memberOrganizationId).ShouldBe(allowed);
        ApplicationRules.ApplicantMayRead(scope, organizationId, signedIn, memberOrganizationId).ShouldBe(allowed);
    }

    [Theory]
    [InlineData(ApplicationOutcome.Disclosed, true, null, null, null, null)]
    [InlineData(ApplicationOutcome.Disclosed, false, null, null, null, "Application.DisclosureRequired")]
    [InlineData(ApplicationOutcome.Disclosed, true, "不公开的部分", null, null, "Application.WithheldOnlyForPartial")]
    [InlineData(ApplicationOutcome.Disclosed, true, null, ApplicationRefusal.Privacy, null, "Application.ReasonOnlyForRefusal")]
    [InlineData(ApplicationOutcome.AlreadyDisclosed, true, null, null, null, null)]
    [InlineData(ApplicationOutcome.AlreadyDisclosed, false, null, null, null, "Application.DisclosureRequired")]
    [InlineData(ApplicationOutcome.PartlyDisclosed, true, "个人考察意见涉及隐私", null, null, null)]
    [InlineData(ApplicationOutcome.PartlyDisclosed, true, "  ", null, null, "Application.WithheldRequired")]
    [InlineData(ApplicationOutcome.PartlyDisclosed, false, "隐私", null, null, "Application.DisclosureRequired")]
    [InlineData(ApplicationOutcome.Refused, false, null, ApplicationRefusal.DoesNotExist, null, null)]
    [InlineData(ApplicationOutcome.Refused, false, null, ApplicationRefusal.Other, "已移交档案馆", null)]
    [InlineData(ApplicationOutcome.Refused, false, null, ApplicationRefusal.Other, " ", "Application.RefusalTextRequired")]
    [InlineData(ApplicationOutcome.Refused, false, null, null, null, "Application.RefusalReasonRequired")]
    [InlineData(ApplicationOutcome.Refused, true, null, ApplicationRefusal.StateSecret, null, "Application.RefusalLinksNothing")]
    [InlineData(ApplicationOutcome.Refused, false, "部分", ApplicationRefusal.Privacy, null, "Application.WithheldOnlyForPartial")]
    [InlineData((ApplicationOutcome)99, true, null, null, null, "Application.OutcomeRequired")]
    public void Each_outcome_carries_what_it_must_and_nothing_that_belongs_to_another(
        ApplicationOutcome outcome, bool linksDisclosure, string? withheld, ApplicationRefusal? refusal, string? refusalText, string? problem) =>
        ApplicationRules.AnswerProblem(outcome, linksDisclosure, withheld, refusal, refusalText).ShouldBe(problem);

    [Theory]
    [InlineData(ApplicationState.Received, -1, true)]
    [InlineData(ApplicationState.Received, 0, false)]
    [InlineData(ApplicationState.Received, 1, false)]
    [InlineData(ApplicationState.Assigned, -1, true)]
    [InlineData(ApplicationState.Answered, -1, false)]
    public void Late_from_the_day_after_the_due_date_until_answered(ApplicationState state, int dueInDays, bool late) =>
        ApplicationRules.IsLate(state, Today.AddDays(dueInDays), Today).ShouldBe(late);

    [Fact]
    public void An_anonymous_visitor_cannot_ask_about_internal_matters_and_a_signed_in_member_is_recorded_as_the_applicant()
    {
        Should.Throw<DomainRuleException>(() => DisclosureApplication.Online(Own, Audience.AllMembers, "问", null, null, null, Actor.Anonymous, Now, Today))
            .Code.ShouldBe("Application.ScopeNotYours");
        Should.Throw<DomainRuleException>(() => DisclosureApplication.Online(Other, Audience.Organization, "问", null, null, null, Member, Now, Today))
            .Code.ShouldBe("Application.ScopeNotYours");

        var anonymous = DisclosureApplication.Online(Own, Audience.Public, "问", null, null, null, Actor.Anonymous, Now, Today);
        anonymous.SubmittedById.ShouldBeNull();
        var mine = DisclosureApplication.Online(Own, Audience.Organization, "问", null, null, null, Member, Now, Today);
        (mine.SubmittedById, mine.ApplicantOrganizationId).ShouldBe(("member-id", (int?)Own));
        mine.PendingAudit.ShouldHaveSingleItem().Action.ShouldBe(WorkflowAction.Receive);
    }

    [Fact]
    public void The_deadline_is_extended_once_with_a_reason_to_a_later_day_and_never_after_the_answer()
    {
        var application = Paper();
        Should.Throw<DomainRuleException>(() => application.Extend(Office, Now, " ", Today.AddDays(30))).Code.ShouldBe("Application.ExtensionReasonRequired");
        Should.Throw<DomainRuleException>(() => application.Extend(Office, Now, "核对", Today.AddDays(10))).Code.ShouldBe("Application.ExtensionMustBeLater");
        application.Extend(Office, Now, "需核对凭证", Today.AddDays(30));
        (application.ExtendedFrom, application.DueOn).ShouldBe(((DateOnly?)Today.AddDays(10), Today.AddDays(30)));
        Should.Throw<DomainRuleException>(() => application.Extend(Office, Now, "再延", Today.AddDays(50))).Code.ShouldBe("Application.ExtendedOnce");

        var answered = Paper();
        answered.AnswerWith(Office, Now, Today, ApplicationOutcome.Refused, "不属于本组织", null, ApplicationRefusal.NotOurDuty, null, null);
        Should.Throw<DomainRuleException>(() => answered.Extend(Office, Now, "晚了", Today.AddDays(30))).Code.ShouldBe("Application.AlreadyAnswered");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void Whether_the_answer_was_late_is_fixed_when_it_is_given(int answeredAfterDays, bool late)
    {
        var application = Paper();
        var day = Today.AddDays(answeredAfterDays);
        application.AnswerWith(Office, Now.AddDays(answeredAfterDays), day, ApplicationOutcome.Refused, "信息不存在", null, ApplicationRefusal.DoesNotExist, null, null);
        application.AnsweredLate.ShouldBe(late);
        application.State.ShouldBe(ApplicationState.Answered);
        Should.Throw<DomainRuleException>(() => application.AnswerWith(Office, Now, day, ApplicationOutcome.Refused, "再答", null, ApplicationRefusal.DoesNotExist, null, null));
    }

    [Fact]
    public void A_linked_disclosure_belongs_to_the_organization_asked_is_readable_by_the_applicant_and_for_already_disclosed_is_out()
    {
        var internalOne = Disclosure.OutOfCatalogue(Own, Category.OrganizationalBuilding, "理由", Channel.Board, Audience.AllMembers, Office, Now);
        var elsewhere = Disclosure.OutOfCatalogue(Other, Category.OrganizationalBuilding, "理由", Channel.Board, Audience.Public, Office, Now);
        var publicDraft = Disclosure.OutOfCatalogue(Own, Category.OrganizationalBuilding, "理由", Channel.Board, Audience.Public, Office, Now);

        Should.Throw<DomainRuleException>(() => Paper().AnswerWith(Office, Now, Today, ApplicationOutcome.Disclosed, "答", null, null, null, elsewhere))
            .Code.ShouldBe("Application.DisclosureOfAnotherOrganization");
        Should.Throw<DomainRuleException>(() => Paper().AnswerWith(Office, Now, Today, ApplicationOutcome.Disclosed, "答", null, null, null, internalOne))
            .Code.ShouldBe("Application.ApplicantCannotRead");
        Should.Throw<DomainRuleException>(() => Paper().AnswerWith(Office, Now, Today, ApplicationOutcome.AlreadyDisclosed, "答", null, null, null, publicDraft))
            .Code.ShouldBe("Application.NotYetDisclosed");

        var drafted = Paper();
        drafted.AnswerWith(Office, Now, Today, ApplicationOutcome.PartlyDisclosed, "答", "隐私部分", null, null, publicDraft);
        (drafted.Outcome, drafted.Withheld, drafted.Refusal).ShouldBe(((ApplicationOutcome?)ApplicationOutcome.PartlyDisclosed, "隐私部分", (ApplicationRefusal?)null));

        var member = DisclosureApplication.Online(Own, Audience.AllMembers, "问", null, null, null, Member, Now, Today.AddDays(10));
        member.AnswerWith(Office, Now, Today, ApplicationOutcome.Disclosed, "答", null, null, null, internalOne);
        member.Disclosure.ShouldBeSameAs(internalOne);
    }

    [Fact]
    public void A_paper_application_is_on_paper_and_not_received_in_the_future()
    {
        Should.Throw<DomainRuleException>(() => DisclosureApplication.Paper(Own, ApplicationChannel.Online, "问", null, null, null, Now, Office, Now, Today))
            .Code.ShouldBe("Application.PaperChannelRequired");
        Should.Throw<DomainRuleException>(() => DisclosureApplication.Paper(Own, ApplicationChannel.Letter, "问", null, null, null, Now.AddDays(1), Office, Now, Today))
            .Code.ShouldBe("Application.ReceivedInFuture");
        Should.Throw<DomainRuleException>(() => DisclosureApplication.Paper(Own, ApplicationChannel.Letter, " ", null, null, null, Now, Office, Now, Today))
            .Code.ShouldBe("Application.SubjectRequired");
    }

    private static DisclosureApplication Paper() =>
        DisclosureApplication.Paper(Own, ApplicationChannel.Letter, "来信申请公开党费收缴明细", null, "王先生", null, Now, Office, Now, Today.AddDays(10));
}
