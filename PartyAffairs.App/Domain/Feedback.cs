namespace PartyAffairs.App.Domain;

/// <summary>
/// 意见反馈 (§5(二)3): Received → Assigned → Answered → Reported (to the leader in charge) →
/// ResultDisclosed (in the disclosure's own audience) → Closed. Each step has a deadline.
/// </summary>
public sealed class Feedback : WorkflowEntity<FeedbackState>
{
    public const int MaxContentLength = 2000;
    public const int MaxAnswerLength = 4000;
    public const int MaxSummaryLength = 500;

    public const int MaxReplyLength = 2000;

    /// <summary>The item it is about; null for mailbox feedback (意见箱), which is about no one item.</summary>
    public int? DisclosureId { get; private set; }
    public Disclosure? Disclosure { get; private set; }
    /// <summary>What mailbox feedback is about; null for feedback on an item.</summary>
    public FeedbackKind? Kind { get; private set; }
    /// <summary>SHA-256 of its 查询码 (<see cref="TrackingCode"/>); null for feedback given before codes existed.</summary>
    public string? TrackingCodeHash { get; private set; }
    /// <summary>The handler's reply to the sender, shown only on the tracking page to whoever holds the code.</summary>
    public string? SenderReply { get; private set; }
    public DateTime? SenderRepliedAtUtc { get; private set; }
    public int OrganizationId { get; private set; }
    public FeedbackChannel Channel { get; private set; }
    public string Content { get; private set; } = "";
    public bool IsAnonymous { get; private set; }
    public string? SenderName { get; private set; }
    public string? SenderContact { get; private set; }
    /// <summary>The signed-in member who gave it online, if any; never set for anonymous feedback (older rows may still hold it).</summary>
    public string? SubmittedById { get; private set; }
    /// <summary>When it reached the bureau: now for online feedback, the stated date for a letter or call.</summary>
    public DateTime ReceivedAtUtc { get; private set; }
    public string? RegisteredById { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public string? Answer { get; private set; }
    /// <summary>
    /// The answer step's deadline, fixed when the feedback is assigned: whether it was answered in time stays what it was
    /// when the step deadlines in settings change later. Null when no deadline was set.
    /// </summary>
    public DateTime? AnswerDueAtUtc { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>The leader in charge it was reported to (及时向主管领导反馈).</summary>
    public string? ReportedTo { get; private set; }
    public string? ReportedToId { get; private set; }
    public DateTime? ReportedAtUtc { get; private set; }
    /// <summary>
    /// The handling result, written by the handler with the report and disclosed to the disclosure's audience
    /// (在相应范围内予以公开) when the leader in charge acknowledges it.
    /// </summary>
    public string? Resolution { get; private set; }
    /// <summary>An anonymised summary of what was asked, shown with the result; the feedback text itself stays private.</summary>
    public string? PublicSummary { get; private set; }
    public DateTime? ResultDisclosedAtUtc { get; private set; }
    /// <summary>
    /// Working days from the bureau's day of receipt to the day it was handled (its result disclosed), on the calendar of
    /// that moment: the receiving day not counted, the handling day counted if it is a working day. Null until handled,
    /// and for abusive feedback, which is never handled.
    /// </summary>
    public int? WorkingDaysToHandle { get; private set; }
    /// <summary>Abusive or spam: kept and counted, closed, never shown.</summary>
    public bool IsAbusive { get; private set; }
    /// <summary>The re-disclosure (再次公开) of the item this feedback started, if any.</summary>
    public int? RedisclosureId { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>When the current step must be done; set by the service from the step deadlines in settings.</summary>
    public DateTime? StepDueAtUtc { get; private set; }

    protected override int? AuditOrganizationId => OrganizationId;

    private Feedback() { }

    private Feedback(Disclosure? disclosure, int organizationId, FeedbackKind? kind, FeedbackChannel channel, string content, bool anonymous,
        string? name, string? contact, DateTime receivedAtUtc, Actor actor, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new DomainRuleException("Feedback.ContentRequired");
        if (content.Length > MaxContentLength) throw new DomainRuleException("Feedback.ContentTooLong", MaxContentLength);
        // Feedback is about an item or, in the mailbox, of a kind: never both, never neither.
        if ((disclosure is null) == (kind is null)) throw new DomainRuleException("Feedback.ItemOrKind");
        if (kind is { } k && !Enum.IsDefined(k)) throw new DomainRuleException("Feedback.ItemOrKind");
        DisclosureId = disclosure?.Id;
        Disclosure = disclosure;
        OrganizationId = disclosure?.OrganizationId ?? organizationId;
        Kind = kind;
        Channel = channel;
        Content = content.Trim();
        IsAnonymous = anonymous;
        SenderName = anonymous || string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        SenderContact = anonymous || string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        ReceivedAtUtc = receivedAtUtc;
        StepDueAtUtc = stepDueAtUtc;
        State = FeedbackState.Received;
        // Anonymity wins over tracking: anonymous feedback keeps no user id, so it is not in "what I gave" either,
        // and its audit entry names no one.
        var hidden = FeedbackAnonymity.HidesSender(anonymous, channel);
        if (channel == FeedbackChannel.Online) SubmittedById = actor.IsAuthenticated && !hidden ? actor.UserId : null;
        else RegisteredById = actor.UserId;
        Touch(FeedbackAnonymity.SubmitAction, hidden ? FeedbackAnonymity.Sender : actor, utcNow, channel.ToString(), to: State.ToString());
    }

    /// <summary>Feedback given on the board while the item is on display.</summary>
    public static Feedback Online(Disclosure disclosure, string content, bool anonymous, string? name, string? contact,
        Actor actor, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (!disclosure.IsOnDisplay(utcNow)) throw new DomainRuleException("Feedback.NotOnDisplay");
        if (disclosure.Audience != Audience.Public && !actor.IsAuthenticated) throw new DomainRuleException("Feedback.MembersOnly");
        return new Feedback(disclosure, 0, null, FeedbackChannel.Online, content, anonymous, name, contact, utcNow, actor, utcNow, stepDueAtUtc);
    }

    /// <summary>
    /// Feedback given in the board's mailbox (意见箱), about no one item: anyone may write, anonymously if she wishes. It belongs
    /// to <paramref name="organizationId"/> (the bureau's top organization) and is handled by the Office and the feedback handlers.
    /// </summary>
    public static Feedback ToMailbox(int organizationId, FeedbackKind kind, string content, bool anonymous, string? name, string? contact,
        Actor actor, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (organizationId <= 0) throw new DomainRuleException("Feedback.ItemOrKind");
        return new Feedback(null, organizationId, kind, FeedbackChannel.Online, content, anonymous, name, contact, utcNow, actor, utcNow, stepDueAtUtc);
    }

    /// <summary>Whether it came through the mailbox rather than on an item.</summary>
    public bool IsMailbox => DisclosureId is null;

    /// <summary>
    /// Gives the feedback its 查询码 and returns it, the one time it exists in clear; only its hash is kept. A code is issued
    /// once: a second would leave the first holder with a dead code.
    /// </summary>
    public string IssueTrackingCode()
    {
        if (TrackingCodeHash is not null) throw new DomainRuleException("Feedback.TrackingCodeIssued");
        var code = TrackingCode.New();
        TrackingCodeHash = TrackingCode.Hash(code);
        return code;
    }

    /// <summary>
    /// The handler's reply to the sender (shown only to whoever holds the code); may be rewritten while the feedback is handled,
    /// not for abusive feedback. Each reply is audited.
    /// </summary>
    public void ReplyToSender(Actor actor, DateTime utcNow, string reply)
    {
        if (IsAbusive) throw new DomainRuleException("Feedback.NotHandledYet");
        if (string.IsNullOrWhiteSpace(reply)) throw new DomainRuleException("Feedback.ReplyRequired");
        if (reply.Length > MaxReplyLength) throw new DomainRuleException("Feedback.ReplyTooLong", MaxReplyLength);
        SenderReply = reply.Trim();
        SenderRepliedAtUtc = utcNow;
        Touch(WorkflowAction.ReplyToSender, actor, utcNow);
    }

    /// <summary>Feedback that came by letter, phone, visit, meeting or the mailbox, registered by the handler.</summary>
    public static Feedback Offline(Disclosure disclosure, FeedbackChannel channel, string content, string? name, string? contact,
        DateTime receivedAtUtc, Actor handler, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (channel == FeedbackChannel.Online) throw new DomainRuleException("Feedback.OfflineChannelRequired");
        if (receivedAtUtc > utcNow) throw new DomainRuleException("Feedback.ReceivedInFuture");
        return new Feedback(disclosure, 0, null, channel, content, string.IsNullOrWhiteSpace(name), name, contact, receivedAtUtc, handler, utcNow, stepDueAtUtc);
    }

    protected override IEnumerable<FeedbackState> Next(FeedbackState from) => from switch
    {
        FeedbackState.Received => [FeedbackState.Assigned],
        FeedbackState.Assigned => [FeedbackState.Answered],
        FeedbackState.Answered => [FeedbackState.Reported],
        FeedbackState.Reported => [FeedbackState.ResultDisclosed],
        FeedbackState.ResultDisclosed => [FeedbackState.Closed],
        _ => [],
    };

    /// <summary>See <see cref="FeedbackRules.LateAt"/>.</summary>
    public bool IsLate(DateTime utcNow) => FeedbackRules.IsLate(State, StepDueAtUtc, utcNow);

    public void Assign(Actor actor, DateTime utcNow, string assigneeId, string assigneeName, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(assigneeId)) throw new DomainRuleException("Feedback.AssigneeRequired");
        MoveTo(FeedbackState.Assigned, WorkflowAction.Assign, actor, utcNow, assigneeName);
        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
        StepDueAtUtc = nextDueUtc;
        AnswerDueAtUtc = nextDueUtc;
    }

    public void AnswerWith(Actor actor, DateTime utcNow, string answer, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainRuleException("Feedback.AnswerRequired");
        if (answer.Length > MaxAnswerLength) throw new DomainRuleException("Feedback.AnswerTooLong", MaxAnswerLength);
        MoveTo(FeedbackState.Answered, WorkflowAction.Answer, actor, utcNow);
        Answer = answer.Trim();
        AnsweredAtUtc = utcNow;
        StepDueAtUtc = nextDueUtc;
    }

    /// <summary>
    /// Reports the answered feedback to the leader in charge with the result to disclose and, if the handler
    /// wishes, an anonymised summary of what was asked.
    /// </summary>
    public void ReportTo(Actor actor, DateTime utcNow, string leaderId, string leaderName, string resolution, string? publicSummary,
        DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(leaderId) || string.IsNullOrWhiteSpace(leaderName)) throw new DomainRuleException("Feedback.LeaderRequired");
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainRuleException("Feedback.ResolutionRequired");
        if (resolution.Length > MaxAnswerLength) throw new DomainRuleException("Feedback.ResolutionTooLong", MaxAnswerLength);
        if (publicSummary is { Length: > MaxSummaryLength }) throw new DomainRuleException("Feedback.SummaryTooLong", MaxSummaryLength);
        MoveTo(FeedbackState.Reported, WorkflowAction.Report, actor, utcNow, leaderName);
        ReportedToId = leaderId;
        ReportedTo = leaderName.Trim();
        ReportedAtUtc = utcNow;
        Resolution = resolution.Trim();
        PublicSummary = string.IsNullOrWhiteSpace(publicSummary) ? null : publicSummary.Trim();
        StepDueAtUtc = nextDueUtc;
    }

    /// <summary>
    /// The leader in charge acknowledges the report; from then on the result shows with the item. That is when the feedback
    /// is handled (closing only follows it), so the working days it took are counted now, on the bureau's
    /// <paramref name="calendar"/> in its time <paramref name="zone"/>.
    /// </summary>
    public void Acknowledge(Actor leader, DateTime utcNow, DateTime? nextDueUtc, WorkingCalendar calendar, TimeZoneInfo zone, string? comment = null)
    {
        if (State == FeedbackState.Reported && leader.UserId != ReportedToId) throw new AccessDeniedException("Feedback.NotReportedToYou");
        MoveTo(FeedbackState.ResultDisclosed, WorkflowAction.Acknowledge, leader, utcNow, comment);
        ResultDisclosedAtUtc = utcNow;
        StepDueAtUtc = nextDueUtc;
        WorkingDaysToHandle = calendar.WorkingDaysBetween(LocalDay(ReceivedAtUtc, zone), LocalDay(utcNow, zone));
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>Whether the result may be shown with the item, to the item's audience.</summary>
    public bool ResultIsPublic => !IsAbusive && State is FeedbackState.ResultDisclosed or FeedbackState.Closed && Resolution is not null;

    /// <summary>Abusive or spam feedback is closed where it stands and never shown; it stays on record and in the counts.</summary>
    public void MarkAbusive(Actor actor, DateTime utcNow, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Feedback.AbuseReasonRequired");
        if (State == FeedbackState.Closed) throw new DomainRuleException("Workflow.TransitionNotAllowed", State.ToString(), FeedbackState.Closed.ToString());
        var from = State;
        State = FeedbackState.Closed;
        IsAbusive = true;
        ClosedAtUtc = utcNow;
        WorkingDaysToHandle = null;
        StepDueAtUtc = null;
        Touch(WorkflowAction.MarkAbusive, actor, utcNow, reason.Trim(), from.ToString(), State.ToString());
    }

    /// <summary>Once answered, feedback may start a re-disclosure of its item (再次公开); one per feedback.</summary>
    public void StartRedisclosure(Actor actor, DateTime utcNow, Disclosure revision)
    {
        if (IsAbusive || State < FeedbackState.Answered) throw new DomainRuleException("Feedback.NotHandledYet");
        if (IsMailbox) throw new DomainRuleException("Feedback.NoItem");
        if (RedisclosureId is not null) throw new DomainRuleException("Feedback.RedisclosureStarted");
        RedisclosureId = revision.Id;
        Touch(WorkflowAction.StartRedisclosure, actor, utcNow, revision.Title);
    }

    public void Close(Actor actor, DateTime utcNow, string? note = null)
    {
        MoveTo(FeedbackState.Closed, WorkflowAction.Close, actor, utcNow, note);
        ClosedAtUtc = utcNow;
        StepDueAtUtc = null;
    }
}
