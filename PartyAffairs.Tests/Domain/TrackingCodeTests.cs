using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>查询码: long enough, no look-alikes, unique in practice, stored only as a hash; mailbox feedback's own rules.</summary>
public sealed class TrackingCodeTests
{
    private static readonly Actor Visitor = new("", "", null, new HashSet<string>());
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Codes_are_long_enough_from_an_alphabet_without_look_alikes_and_do_not_repeat()
    {
        TrackingCode.Alphabet.ShouldNotContain('0');
        TrackingCode.Alphabet.ShouldNotContain('O');
        TrackingCode.Alphabet.ShouldNotContain('1');
        TrackingCode.Alphabet.ShouldNotContain('I');
        TrackingCode.Alphabet.ShouldNotContain('L');
        var codes = Enumerable.Range(0, 2000).Select(_ => TrackingCode.New()).ToList();
        codes.ShouldAllBe(c => c.Length >= 10 && c.All(ch => TrackingCode.Alphabet.Contains(ch)));
        codes.Distinct().Count().ShouldBe(codes.Count);
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn", "ABCDEFGHJKMN")]
    [InlineData(" ABCD EFGH JKMN ", "ABCDEFGHJKMN")]
    [InlineData("ABCDEFGHJKMN", "ABCDEFGHJKMN")]
    [InlineData("ABCDEFGHJKM", null)]
    [InlineData("ABCDEFGHJKMNP", null)]
    [InlineData("ABCDEFGHJKM0", null)]
    [InlineData("ABCDEFGHJKM'", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_made_canonical_or_refused(string? typed, string? expected) =>
        TrackingCode.Normalize(typed).ShouldBe(expected);

    [Fact]
    public void Too_long_input_is_refused_before_it_is_read() =>
        TrackingCode.Normalize(new string('A', 500)).ShouldBeNull();

    [Fact]
    public void The_hash_is_sha256_hex_and_does_not_contain_the_code()
    {
        var code = TrackingCode.New();
        var hash = TrackingCode.Hash(code);
        hash.Length.ShouldBe(TrackingCode.HashLength);
        hash.ShouldNotContain(code);
        TrackingCode.Hash(code).ShouldBe(hash);
        TrackingCode.Hash(TrackingCode.New()).ShouldNotBe(hash);
    }

    [Fact]
    public void Mailbox_feedback_has_a_kind_and_no_item_and_keeps_only_the_hash_of_its_one_code()
    {
        var f = Feedback.ToMailbox(1, FeedbackKind.Undisclosed, "食堂账目应公开未公开", true, "张三", "138", Visitor, Now, null);
        f.IsMailbox.ShouldBeTrue();
        f.DisclosureId.ShouldBeNull();
        f.Kind.ShouldBe(FeedbackKind.Undisclosed);
        f.OrganizationId.ShouldBe(1);
        f.SenderName.ShouldBeNull();
        var code = f.IssueTrackingCode();
        f.TrackingCodeHash.ShouldBe(TrackingCode.Hash(code));
        Should.Throw<DomainRuleException>(() => f.IssueTrackingCode());
    }

    [Theory]
    [InlineData(0, FeedbackKind.Other, "内容")]
    [InlineData(1, (FeedbackKind)9, "内容")]
    [InlineData(1, FeedbackKind.Other, " ")]
    public void Mailbox_feedback_refuses_no_organization_an_unknown_kind_or_no_content(int organizationId, FeedbackKind kind, string content) =>
        Should.Throw<DomainRuleException>(() => Feedback.ToMailbox(organizationId, kind, content, false, null, null, Visitor, Now, null));

    [Fact]
    public void A_reply_to_the_sender_is_audited_and_refused_when_blank_or_on_abusive_feedback()
    {
        var handler = new Actor("h", "办理人", 1, new HashSet<string> { Roles.FeedbackHandler });
        var f = Feedback.ToMailbox(1, FeedbackKind.Suggestion, "建议", false, null, null, Visitor, Now, null);
        Should.Throw<DomainRuleException>(() => f.ReplyToSender(handler, Now, " "));
        f.ReplyToSender(handler, Now, " 已转有关部门 ");
        f.SenderReply.ShouldBe("已转有关部门");
        f.PendingAudit.ShouldContain(a => a.Action == WorkflowAction.ReplyToSender);
        Should.Throw<DomainRuleException>(() => f.StartRedisclosure(handler, Now, null!));
        f.MarkAbusive(handler, Now, "广告");
        Should.Throw<DomainRuleException>(() => f.ReplyToSender(handler, Now, "再答"));
    }
}
