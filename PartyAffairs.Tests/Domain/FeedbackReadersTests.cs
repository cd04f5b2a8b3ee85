using PartyAffairs.App.Domain;
using Shouldly;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// Who reads feedback text and its sender (AccessPolicy.ReadsFeedback) and a whole archived record with its feedback
/// (AccessPolicy.ReadsArchivedFeedback), for feedback of organization 10 reported to leader "l1".
/// </summary>
public sealed class FeedbackReadersTests
{
    private const int Own = 10;
    private const int Other = 20;

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["anonymous"] = Actor.Anonymous,
        ["member of own"] = new("m1", "m1", Own, new HashSet<string> { Roles.Member }),
        ["drafter of own"] = new("d1", "d1", Own, new HashSet<string> { Roles.Drafter }),
        ["secretary of own"] = new("s1", "s1", Own, new HashSet<string> { Roles.Secretary }),
        ["secretary of other"] = new("s2", "s2", Other, new HashSet<string> { Roles.Secretary }),
        ["handler"] = new("h", "h", null, new HashSet<string> { Roles.FeedbackHandler }),
        ["office"] = new("o", "o", null, new HashSet<string> { Roles.Office }),
        ["leader reported to"] = new("l1", "l1", null, new HashSet<string> { Roles.Leader }),
        // A member of the leading group without the Leader role (issue 20): reads what was reported to her.
        ["seat holder reported to"] = new("l1", "l1", Other, new HashSet<string> { Roles.Member }),
        ["other leader"] = new("l2", "l2", null, new HashSet<string> { Roles.Leader }),
        ["admin"] = new("a", "a", null, new HashSet<string> { Roles.Admin }),
    };

    [Theory]
    // person, reads the feedback reported to l1, reads it before it is reported, reads a record with it, reads a record without feedback
    [InlineData("anonymous", false, false, false, false)]
    [InlineData("member of own", false, false, false, false)]
    [InlineData("drafter of own", false, false, false, false)]
    [InlineData("secretary of own", true, true, true, true)]
    [InlineData("secretary of other", false, false, false, false)]
    [InlineData("handler", true, true, true, true)]
    [InlineData("office", true, true, true, true)]
    [InlineData("leader reported to", true, false, true, true)]
    [InlineData("seat holder reported to", true, false, false, false)]
    [InlineData("other leader", false, false, false, true)]
    [InlineData("admin", false, false, false, false)]
    public void Feedback_text_goes_to_its_handlers_and_the_leader_it_was_reported_to(string person, bool reported, bool unreported,
        bool record, bool recordWithoutFeedback)
    {
        var a = People[person];
        AccessPolicy.ReadsFeedback(a, Own, "l1").ShouldBe(reported);
        AccessPolicy.ReadsFeedback(a, Own, null).ShouldBe(unreported);
        AccessPolicy.ReadsArchivedFeedback(a, Own, ["l1", "l1"]).ShouldBe(record);
        AccessPolicy.ReadsArchivedFeedback(a, Own, []).ShouldBe(recordWithoutFeedback);
    }

    [Fact]
    public void A_leader_reads_a_record_only_when_every_piece_of_its_feedback_was_reported_to_them() =>
        AccessPolicy.ReadsArchivedFeedback(People["leader reported to"], Own, ["l1", "l2"]).ShouldBeFalse();

    [Theory]
    [InlineData(true, FeedbackChannel.Online, "Feedback", WorkflowAction.Receive, true)]
    [InlineData(true, FeedbackChannel.Online, "Feedback", WorkflowAction.Assign, false)]
    [InlineData(false, FeedbackChannel.Online, "Feedback", WorkflowAction.Receive, false)]
    [InlineData(true, FeedbackChannel.Letter, "Feedback", WorkflowAction.Receive, false)]
    [InlineData(true, FeedbackChannel.Online, "Disclosure", WorkflowAction.Receive, false)]
    public void Only_the_submission_of_anonymous_online_feedback_is_redacted(bool anonymous, FeedbackChannel channel, string type, WorkflowAction action, bool redacted)
    {
        var ids = FeedbackAnonymity.HidesSender(anonymous, channel) ? new HashSet<int> { 7 } : new HashSet<int>();
        FeedbackAnonymity.Redacts(type, action, 7, ids).ShouldBe(redacted);
    }
}
