namespace PartyAffairs.App.Domain;

/// <summary>
/// 意见反馈 (§5(二)3): Received → Assigned → Answered → Reported (to the leader in charge) →
/// ResultDisclosed (in the disclosure's own audience) → Closed. Each step has a deadline.
/// </summary>
public sealed class Feedback : WorkflowEntity<FeedbackState>
{
    public const int MaxContentLength = 2000;

    public int DisclosureId { get; private set; }
    public Disclosure? Disclosure { get; private set; }
    public int OrganizationId { get; private set; }
    public FeedbackChannel Channel { get; private set; }
    public string Content { get; private set; } = "";
    public bool IsAnonymous { get; private set; }
    public string? SenderName { get; private set; }
    public string? SenderContact { get; private set; }
    /// <summary>The signed-in member who gave it online, if any.</summary>
    public string? SubmittedById { get; private set; }
    /// <summary>When it reached the bureau: now for online feedback, the stated date for a letter or call.</summary>
    public DateTime ReceivedAtUtc { get; private set; }
    public string? RegisteredById { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public string? Answer { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>The leader in charge it was reported to (及时向主管领导反馈).</summary>
    public string? ReportedTo { get; private set; }
    public DateTime? ReportedAtUtc { get; private set; }
    /// <summary>The handling result disclosed to the disclosure's audience (在相应范围内予以公开).</summary>
    public string? Resolution { get; private set; }
    public DateTime? ResultDisclosedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>When the current step must be done; set by the service from the step deadlines in settings.</summary>
    public DateTime? StepDueAtUtc { get; private set; }

    protected override int? AuditOrganizationId => OrganizationId;

    private Feedback() { }

    private Feedback(Disclosure disclosure, FeedbackChannel channel, string content, bool anonymous, string? name,
        string? contact, DateTime receivedAtUtc, Actor actor, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new DomainRuleException("Feedback.ContentRequired");
        if (content.Length > MaxContentLength) throw new DomainRuleException("Feedback.ContentTooLong", MaxContentLength);
        DisclosureId = disclosure.Id;
        Disclosure = disclosure;
        OrganizationId = disclosure.OrganizationId;
        Channel = channel;
        Content = content.Trim();
        IsAnonymous = anonymous;
        SenderName = anonymous || string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        SenderContact = anonymous || string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        ReceivedAtUtc = receivedAtUtc;
        StepDueAtUtc = stepDueAtUtc;
        State = FeedbackState.Received;
        if (channel == FeedbackChannel.Online) SubmittedById = actor.IsAuthenticated ? actor.UserId : null;
        else RegisteredById = actor.UserId;
        Touch("Receive", actor, utcNow, channel.ToString(), to: State.ToString());
    }

    /// <summary>Feedback given on the board while the item is on display.</summary>
    public static Feedback Online(Disclosure disclosure, string content, bool anonymous, string? name, string? contact,
        Actor actor, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (!disclosure.IsOnDisplay(utcNow)) throw new DomainRuleException("Feedback.NotOnDisplay");
        if (disclosure.Audience != Audience.Public && !actor.IsAuthenticated) throw new DomainRuleException("Feedback.MembersOnly");
        return new Feedback(disclosure, FeedbackChannel.Online, content, anonymous, name, contact, utcNow, actor, utcNow, stepDueAtUtc);
    }

    /// <summary>Feedback that came by letter, phone, visit, meeting or the mailbox, registered by the handler.</summary>
    public static Feedback Offline(Disclosure disclosure, FeedbackChannel channel, string content, string? name, string? contact,
        DateTime receivedAtUtc, Actor handler, DateTime utcNow, DateTime? stepDueAtUtc)
    {
        if (channel == FeedbackChannel.Online) throw new DomainRuleException("Feedback.OfflineChannelRequired");
        if (receivedAtUtc > utcNow) throw new DomainRuleException("Feedback.ReceivedInFuture");
        return new Feedback(disclosure, channel, content, string.IsNullOrWhiteSpace(name), name, contact, receivedAtUtc, handler, utcNow, stepDueAtUtc);
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

    public bool IsLate(DateTime utcNow) => State != FeedbackState.Closed && StepDueAtUtc is { } due && utcNow > due;

    public void Assign(Actor actor, DateTime utcNow, string assigneeId, string assigneeName, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(assigneeId)) throw new DomainRuleException("Feedback.AssigneeRequired");
        MoveTo(FeedbackState.Assigned, "Assign", actor, utcNow, assigneeName);
        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
        StepDueAtUtc = nextDueUtc;
    }

    public void AnswerWith(Actor actor, DateTime utcNow, string answer, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainRuleException("Feedback.AnswerRequired");
        MoveTo(FeedbackState.Answered, "Answer", actor, utcNow);
        Answer = answer.Trim();
        AnsweredAtUtc = utcNow;
        StepDueAtUtc = nextDueUtc;
    }

    public void ReportTo(Actor actor, DateTime utcNow, string leaderInCharge, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(leaderInCharge)) throw new DomainRuleException("Feedback.LeaderRequired");
        MoveTo(FeedbackState.Reported, "Report", actor, utcNow, leaderInCharge);
        ReportedTo = leaderInCharge.Trim();
        ReportedAtUtc = utcNow;
        StepDueAtUtc = nextDueUtc;
    }

    public void DiscloseResult(Actor actor, DateTime utcNow, string resolution, DateTime? nextDueUtc)
    {
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainRuleException("Feedback.ResolutionRequired");
        MoveTo(FeedbackState.ResultDisclosed, "DiscloseResult", actor, utcNow);
        Resolution = resolution.Trim();
        ResultDisclosedAtUtc = utcNow;
        StepDueAtUtc = nextDueUtc;
    }

    public void Close(Actor actor, DateTime utcNow, string? note = null)
    {
        MoveTo(FeedbackState.Closed, "Close", actor, utcNow, note);
        ClosedAtUtc = utcNow;
        StepDueAtUtc = null;
    }
}
