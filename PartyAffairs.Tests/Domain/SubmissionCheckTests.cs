using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The drafting page's check panel and submission state one rule: the panel reports what
/// <see cref="Disclosure.SubmissionProblems"/> and <see cref="Disclosure.UnresolvedSensitiveWords"/> say, and
/// <see cref="Disclosure.Submit"/> succeeds exactly when both are empty — in Draft and in Rejected alike.
/// </summary>
public sealed class SubmissionCheckTests
{
    private static readonly Dictionary<string, Action<Disclosure>> Cases = new()
    {
        ["as drafted"] = _ => { },
        ["end before start"] = d => d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddDays(3), Now.AddDays(2), false, Drafter, Now),
        ["end equals start"] = d => d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddDays(3), Now.AddDays(3), false, Drafter, Now),
        ["start an hour ago"] = d => d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddHours(-1), Now.AddDays(3), false, Drafter, Now),
        ["start now"] = d => d.Edit("标题", "正文", Channel.Board, Audience.Public, Now, Now.AddDays(3), false, Drafter, Now),
        ["no title"] = d => d.Edit(" ", "正文", Channel.Board, Audience.Public, Now.AddHours(1), Now.AddDays(3), false, Drafter, Now),
        ["no channel"] = d => d.Edit("标题", "正文", Channel.None, Audience.Public, Now.AddHours(1), Now.AddDays(3), false, Drafter, Now),
        ["important for six days"] = d => d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddHours(1), Now.AddHours(1).AddDays(6), true, Drafter, Now),
    };

    private static readonly string[][] Hits = [[], ["内部资料"]];

    public static TheoryData<DisclosureState, string, int> EveryCase()
    {
        var data = new TheoryData<DisclosureState, string, int>();
        foreach (var state in new[] { DisclosureState.Draft, DisclosureState.Rejected })
            foreach (var name in Cases.Keys)
                for (var hits = 0; hits < Hits.Length; hits++)
                    data.Add(state, name, hits);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void Submission_succeeds_exactly_when_the_panel_finds_nothing(DisclosureState state, string name, int hitsIndex)
    {
        var d = InState(state);
        // The case edits a draft; a rejected item is tested "resubmitted unchanged" only in the plain case.
        if (name != "as drafted") Cases[name](d);
        var hits = Hits[hitsIndex];

        var panelSaysOk = d.SubmissionProblems(Now).Count == 0 && d.UnresolvedSensitiveWords(hits).Count == 0;

        if (panelSaysOk)
        {
            d.Submit(Drafter, Now, hits);
            d.State.ShouldBe(DisclosureState.Submitted);
        }
        else
        {
            var refused = Should.Throw<DomainRuleException>(() => d.Submit(Drafter, Now, hits));
            refused.Code.ShouldNotBe("Workflow.TransitionNotAllowed");
            (d.SubmissionProblems(Now).FirstOrDefault() ?? "Disclosure.SensitiveWords").ShouldBe(refused.Code);
        }
    }

    [Fact]
    public void A_rejected_item_resubmitted_unchanged_goes_through_draft_to_submitted()
    {
        var d = InState(DisclosureState.Rejected);

        d.Submit(Drafter, Now, []);

        d.State.ShouldBe(DisclosureState.Submitted);
        d.PendingAudit.Select(a => (a.FromState, a.ToState)).ShouldBe([("Rejected", "Draft"), ("Draft", "Submitted")]);
        d.Versions.Count.ShouldBe(2);
        d.ReviewComment.ShouldBe("请补充材料");
    }

    [Fact]
    public void Words_a_reviewer_let_through_no_longer_block()
    {
        var d = Draft();
        d.OverrideSensitiveWords(Office, Now, ["内部资料"], "制度名称");
        d.UnresolvedSensitiveWords(["内部资料", "绝密"]).ShouldBe(["绝密"]);
    }
}
