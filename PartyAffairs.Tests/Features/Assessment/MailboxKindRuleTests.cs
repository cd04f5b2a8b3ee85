using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>Which kind column of the assessment a feedback counts in (AssessmentRules.MailboxOfKind): mailbox only, abusive apart.</summary>
public sealed class MailboxKindRuleTests
{
    private static FeedbackFact Fact(int? disclosureId, FeedbackKind? kind, bool abusive) =>
        new() { Id = 1, OrganizationId = 1, DisclosureId = disclosureId, Kind = kind, IsAbusive = abusive };

    [Theory]
    // on item  kind                        abusive  counts as
    [InlineData(null, FeedbackKind.Suggestion, false, FeedbackKind.Suggestion)]
    [InlineData(null, FeedbackKind.Undisclosed, false, FeedbackKind.Undisclosed)]
    [InlineData(null, FeedbackKind.Other, false, FeedbackKind.Other)]
    [InlineData(null, FeedbackKind.Suggestion, true, null)]       // abusive: counted apart, in nothing else
    [InlineData(null, FeedbackKind.Undisclosed, true, null)]
    [InlineData(7, null, false, null)]                            // feedback on an item is no mailbox kind
    [InlineData(7, null, true, null)]
    [InlineData(null, null, false, FeedbackKind.Other)]           // a mailbox row without a kind (never written) is 其他
    public void Mailbox_feedback_counts_in_its_kind_and_nothing_else_does(int? disclosureId, FeedbackKind? kind, bool abusive, FeedbackKind? countsAs)
    {
        var fact = Fact(disclosureId, kind, abusive);

        var matched = Enum.GetValues<FeedbackKind>().Where(k => AssessmentRules.MailboxOfKind(k).Compile()(fact)).ToList();

        matched.ShouldBe(countsAs is { } k ? [k] : []);
    }

    [Theory]
    [InlineData(AssessmentMeasure.MailboxSuggestions, FeedbackKind.Suggestion)]
    [InlineData(AssessmentMeasure.MailboxUndisclosed, FeedbackKind.Undisclosed)]
    [InlineData(AssessmentMeasure.MailboxOther, FeedbackKind.Other)]
    [InlineData(AssessmentMeasure.FeedbackReceived, null)]
    [InlineData(AssessmentMeasure.BoardPostings, null)]
    public void Each_mailbox_measure_lists_one_kind(AssessmentMeasure measure, FeedbackKind? kind) =>
        AssessmentRules.KindOf(measure).ShouldBe(kind);

    [Fact]
    public void Every_kind_has_its_measure() =>
        Enum.GetValues<AssessmentMeasure>().Select(AssessmentRules.KindOf).OfType<FeedbackKind>().Order().ShouldBe(Enum.GetValues<FeedbackKind>());
}
