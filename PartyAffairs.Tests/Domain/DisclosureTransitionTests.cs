using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

public sealed class DisclosureTransitionTests
{
    private static readonly Dictionary<string, Action<Disclosure>> Actions = new()
    {
        ["Edit"] = d => d.Edit("新标题", "新正文", Channel.Board, Audience.Public, Now.AddHours(1), Now.AddDays(9), false, Drafter, Now),
        ["Submit"] = d => d.Submit(Drafter, Now, []),
        ["Approve"] = d => d.Approve(Office, Now, confidentialityConfirmed: true),
        ["Reject"] = d => d.Reject(Office, Now, "内容不全"),
        ["Publish"] = d => d.Publish(Actor.System, Now.AddHours(2)),
        ["Close"] = d => d.Close(Actor.System, Now.AddDays(10)),
        ["Withdraw"] = d => d.Withdraw(Office, Now, "撤回"),
    };

    // Every state × every action: what DOMAIN.md's state machine allows, and where it leads.
    private static readonly Dictionary<(DisclosureState, string), DisclosureState> Allowed = new()
    {
        [(DisclosureState.Draft, "Edit")] = DisclosureState.Draft,
        [(DisclosureState.Draft, "Submit")] = DisclosureState.Submitted,
        [(DisclosureState.Draft, "Withdraw")] = DisclosureState.Withdrawn,
        [(DisclosureState.Submitted, "Approve")] = DisclosureState.Approved,
        [(DisclosureState.Submitted, "Reject")] = DisclosureState.Rejected,
        [(DisclosureState.Submitted, "Withdraw")] = DisclosureState.Withdrawn,
        [(DisclosureState.Approved, "Publish")] = DisclosureState.Published,
        [(DisclosureState.Approved, "Withdraw")] = DisclosureState.Withdrawn,
        [(DisclosureState.Published, "Close")] = DisclosureState.Closed,
        [(DisclosureState.Published, "Withdraw")] = DisclosureState.Withdrawn,
        [(DisclosureState.Rejected, "Edit")] = DisclosureState.Draft,
        // Resubmitting unchanged after a rejection: through Draft, never 「该记录当前的状态不允许此操作」.
        [(DisclosureState.Rejected, "Submit")] = DisclosureState.Submitted,
        [(DisclosureState.Rejected, "Withdraw")] = DisclosureState.Withdrawn,
    };

    public static TheoryData<DisclosureState, string> EveryPair()
    {
        var data = new TheoryData<DisclosureState, string>();
        foreach (var state in Enum.GetValues<DisclosureState>())
            foreach (var action in Actions.Keys)
                data.Add(state, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_action_in_each_state_is_allowed_or_refused_as_the_state_machine_says(DisclosureState state, string action)
    {
        var d = InState(state);
        var version = d.Version;

        if (Allowed.TryGetValue((state, action), out var expected))
        {
            Actions[action](d);
            d.State.ShouldBe(expected);
            d.Version.ShouldBeGreaterThan(version);
            if (expected != state)
            {
                // One audit entry a step: Rejected → Submitted goes through Draft and records both.
                d.PendingAudit.Count.ShouldBe(state == DisclosureState.Rejected && expected == DisclosureState.Submitted ? 2 : 1);
                d.PendingAudit[0].FromState.ShouldBe(state.ToString());
                d.PendingAudit[^1].ToState.ShouldBe(expected.ToString());
                d.PendingAudit.ShouldAllBe(a => a.EntityType == nameof(Disclosure));
            }
        }
        else
        {
            Should.Throw<DomainRuleException>(() => Actions[action](d));
            d.State.ShouldBe(state);
            d.Version.ShouldBe(version);
            d.PendingAudit.ShouldBeEmpty();
        }
    }

    [Fact]
    public void An_important_item_must_display_at_least_seven_days()
    {
        var d = Draft(important: true, days: 6);
        Should.Throw<DomainRuleException>(() => d.Submit(Drafter, Now, [])).Code.ShouldBe("Disclosure.ImportantTooShort");
        Draft(important: true, days: 7).Submit(Drafter, Now, []);
    }

    [Fact]
    public void A_display_period_that_started_in_the_past_is_refused()
    {
        var d = Draft();
        d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddHours(-1), Now.AddDays(5), false, Drafter, Now);
        Should.Throw<DomainRuleException>(() => d.Submit(Drafter, Now, [])).Code.ShouldBe("Disclosure.DisplayStartsInPast");
    }

    [Fact]
    public void Out_of_catalogue_items_need_a_reason()
    {
        Should.Throw<DomainRuleException>(() => Disclosure.OutOfCatalogue(10, Category.Other, " ", Channel.Board, Audience.Public, Drafter, Now))
            .Code.ShouldBe("Disclosure.OutOfCatalogueReasonRequired");
    }

    [Fact]
    public void Approval_needs_the_confidentiality_check_and_rejection_a_comment()
    {
        var d = InState(DisclosureState.Submitted);
        Should.Throw<DomainRuleException>(() => d.Approve(Office, Now, confidentialityConfirmed: false)).Code.ShouldBe("Disclosure.ConfidentialityNotConfirmed");
        Should.Throw<DomainRuleException>(() => d.Reject(Office, Now, "  ")).Code.ShouldBe("Review.CommentRequired");
        d.State.ShouldBe(DisclosureState.Submitted);
    }

    [Fact]
    public void A_rejected_draft_keeps_the_reviewer_comment_when_it_goes_back_to_draft()
    {
        var d = InState(DisclosureState.Rejected);
        Actions["Edit"](d);
        d.State.ShouldBe(DisclosureState.Draft);
        d.ReviewComment.ShouldBe("请补充材料");
    }

    [Fact]
    public void Sensitive_words_block_submission_until_a_reviewer_overrides_them_with_a_reason()
    {
        var d = Draft();
        Should.Throw<DomainRuleException>(() => d.Submit(Drafter, Now, ["机密"])).Code.ShouldBe("Disclosure.SensitiveWords");
        Should.Throw<DomainRuleException>(() => d.OverrideSensitiveWords(Office, Now, ["机密"], ""));
        d.OverrideSensitiveWords(Office, Now, ["机密"], "指已公开的“机密文件管理制度”名称");
        d.Approvals.ShouldHaveSingleItem().Decision.ShouldBe(ApprovalDecision.SensitiveWordsOverridden);
        Should.Throw<DomainRuleException>(() => d.Submit(Drafter, Now, ["机密", "绝密"])).Arguments.ShouldBe(["绝密"]);
        d.Submit(Drafter, Now, ["机密"]);
        d.State.ShouldBe(DisclosureState.Submitted);
    }

    [Fact]
    public void Publishing_waits_for_the_start_and_closing_early_needs_a_reason()
    {
        var d = InState(DisclosureState.Approved);
        Should.Throw<DomainRuleException>(() => d.Publish(Actor.System, Now)).Code.ShouldBe("Disclosure.NotYetStarted");
        d.Publish(Actor.System, Now.AddHours(2));
        d.IsOnDisplay(Now.AddHours(3)).ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => d.Close(Office, Now.AddDays(1))).Code.ShouldBe("Disclosure.EarlyCloseNeedsReason");
        d.Close(Office, Now.AddDays(1), "内容已过时");
        d.State.ShouldBe(DisclosureState.Closed);
    }

    [Fact]
    public void Submission_snapshots_a_version_each_time()
    {
        var d = InState(DisclosureState.Rejected);
        Actions["Edit"](d);
        d.Submit(Drafter, Now, []);
        d.Versions.Select(v => v.Number).ShouldBe([1, 2]);
        d.Versions[1].Title.ShouldBe("新标题");
    }

    [Fact]
    public void Publishing_an_in_catalogue_item_fulfils_its_occurrence()
    {
        var item = new CatalogueItem(10, Category.OrganizationalBuilding, "党费收缴情况", "", Channel.Board, Audience.AllMembers, Cadence.Quarterly, false, "组织委员");
        var occurrence = new CatalogueOccurrence(4, "2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 8));
        var d = Disclosure.ForOccurrence(occurrence, item, Secretary, Now);
        d.Edit("第四季度党费收缴情况", "正文", Channel.Board, Audience.AllMembers, Now.AddHours(1), Now.AddDays(8), false, Secretary, Now);
        d.Submit(Secretary, Now, []);
        d.Approve(Secretary, Now, true);
        d.Approvals.Single().ApprovedOwnItem.ShouldBeTrue();
        d.Publish(Actor.System, Now.AddHours(2));
        occurrence.State.ShouldBe(OccurrenceState.Fulfilled);
        Should.Throw<DomainRuleException>(() => Disclosure.ForOccurrence(occurrence, item, Secretary, Now)).Code.ShouldBe("Occurrence.NotOpen");
    }

    [Theory]
    [InlineData(DisclosureState.Published, true)]
    [InlineData(DisclosureState.Closed, true)]
    [InlineData(DisclosureState.Draft, false)]
    [InlineData(DisclosureState.Approved, false)]
    public void Only_a_published_or_closed_item_can_be_re_disclosed(DisclosureState state, bool allowed)
    {
        var d = InState(state);
        if (!allowed)
        {
            Should.Throw<DomainRuleException>(() => d.Revise(Secretary, Now, "更正"));
            return;
        }
        var next = d.Revise(Secretary, Now, "更正");
        next.State.ShouldBe(DisclosureState.Draft);
        next.RevisionNumber.ShouldBe(2);
        next.Title.ShouldBe(d.Title);
    }
}
