using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>The archiving guard (<see cref="ArchiveRules"/>) and the transition that applies it (<see cref="ArchiveRecord.Archive"/>).</summary>
public sealed class ArchiveRulesTests
{
    [Theory]
    [InlineData(DisclosureState.Closed, false, 0, 0, null)]
    [InlineData(DisclosureState.Closed, false, 0, 2, null)]
    [InlineData(DisclosureState.Closed, false, 1, 1, ArchiveRules.FeedbackOpen)]
    [InlineData(DisclosureState.Closed, false, 2, 0, ArchiveRules.FeedbackOpen)]
    [InlineData(DisclosureState.Closed, true, 0, 0, ArchiveRules.AlreadyArchived)]
    [InlineData(DisclosureState.Closed, true, 1, 0, ArchiveRules.AlreadyArchived)]
    [InlineData(DisclosureState.Published, false, 0, 0, ArchiveRules.NotClosed)]
    [InlineData(DisclosureState.Published, true, 1, 0, ArchiveRules.NotClosed)]
    [InlineData(DisclosureState.Withdrawn, false, 0, 0, ArchiveRules.NotClosed)]
    [InlineData(DisclosureState.Approved, false, 0, 0, ArchiveRules.NotClosed)]
    [InlineData(DisclosureState.Draft, false, 0, 0, ArchiveRules.NotClosed)]
    public void Only_a_closed_unarchived_disclosure_whose_feedback_is_all_closed_is_archived(
        DisclosureState state, bool alreadyArchived, int openFeedback, int closedFeedback, string? refusal)
    {
        var disclosure = DomainFixtures.InState(state);
        var feedback = Enumerable.Range(0, openFeedback).Select(_ => DomainFixtures.FeedbackInState(FeedbackState.Received))
            .Concat(Enumerable.Range(0, closedFeedback).Select(_ => DomainFixtures.FeedbackInState(FeedbackState.Closed)))
            .ToList();

        ArchiveRules.RefusalOf(disclosure, alreadyArchived, feedback).ShouldBe(refusal);

        if (refusal is null)
        {
            var record = Archive(disclosure, alreadyArchived, feedback);
            record.ArchiveNumber.ShouldBe("TST-2026-0003");
            var audit = ((IAudited)record).PendingAudit.ShouldHaveSingleItem();
            (audit.EntityType, audit.Action, audit.Reason, audit.OrganizationId).ShouldBe((nameof(ArchiveRecord), WorkflowAction.Archive, "TST-2026-0003", (int?)10));
        }
        else
        {
            var refused = Should.Throw<DomainRuleException>(() => Archive(disclosure, alreadyArchived, feedback));
            refused.Code.ShouldBe(refusal);
            if (refusal == ArchiveRules.FeedbackOpen) refused.Arguments.ShouldBe([openFeedback]);
        }
    }

    private static ArchiveRecord Archive(Disclosure disclosure, bool alreadyArchived, IReadOnlyCollection<Feedback> feedback) =>
        ArchiveRecord.Archive(disclosure, alreadyArchived, feedback, "TST", 2026, 3, DomainFixtures.Office, DomainFixtures.Now.AddDays(20), 1,
            "{}", null, new string('0', 64), []);
}
