namespace PartyAffairs.App.Domain;

/// <summary>
/// An application for disclosure (依申请公开): someone asks an organization for information about its Party affairs that
/// was not disclosed. Received online or registered by the Office from a letter, visit or call; assigned to a handler;
/// answered within a deadline in working days (extended once, with a reason) with one of the four outcomes. The applicant
/// follows it with its 查询码, or on 我的反馈 when she applied signed in.
/// </summary>
public sealed class DisclosureApplication : WorkflowEntity<ApplicationState>
{
    public const int MaxSubjectLength = 2000;
    public const int MaxPurposeLength = 500;
    public const int MaxAnswerLength = 4000;
    public const int MaxReasonLength = 500;

    public int OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    /// <summary>The audience of the matters asked about: Public for anyone; AllMembers or Organization only for a signed-in member.</summary>
    public Audience Scope { get; private set; }
    public ApplicationChannel Channel { get; private set; }
    /// <summary>What is asked (申请公开的内容).</summary>
    public string Subject { get; private set; } = "";
    public string? Purpose { get; private set; }
    public string? ApplicantName { get; private set; }
    public string? ApplicantContact { get; private set; }
    /// <summary>The signed-in member who applied online; null for anonymous and paper applications.</summary>
    public string? SubmittedById { get; private set; }
    /// <summary>Her organization when she applied: what an answer may point her to is judged by it.</summary>
    public int? ApplicantOrganizationId { get; private set; }
    public string? RegisteredById { get; private set; }
    public string? TrackingCodeHash { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    /// <summary>The bureau's day by which it must be answered: set on receipt, moved once by an extension.</summary>
    public DateOnly DueOn { get; private set; }
    public DateOnly? ExtendedFrom { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    public ApplicationOutcome? Outcome { get; private set; }
    /// <summary>The answer to the applicant (答复), shown on /track and 我的反馈.</summary>
    public string? Answer { get; private set; }
    /// <summary>部分公开: what is withheld and why.</summary>
    public string? Withheld { get; private set; }
    public ApplicationRefusal? Refusal { get; private set; }
    public string? RefusalText { get; private set; }
    /// <summary>The disclosure the answer points to: drafted for it, or one that already exists.</summary>
    public int? DisclosureId { get; private set; }
    public Disclosure? Disclosure { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>Whether it was answered after its due date; fixed when answered, so later calendar changes do not rewrite it.</summary>
    public bool? AnsweredLate { get; private set; }

    protected override int? AuditOrganizationId => OrganizationId;

    private DisclosureApplication() { }

    private DisclosureApplication(int organizationId, Audience scope, ApplicationChannel channel, string subject, string? purpose,
        string? name, string? contact, DateTime receivedAtUtc, DateOnly dueOn, Actor actor, DateTime utcNow)
    {
        if (organizationId <= 0) throw new DomainRuleException("Application.OrganizationRequired");
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainRuleException("Application.SubjectRequired");
        if (subject.Length > MaxSubjectLength) throw new DomainRuleException("Application.SubjectTooLong", MaxSubjectLength);
        if (purpose is { Length: > MaxPurposeLength }) throw new DomainRuleException("Application.PurposeTooLong", MaxPurposeLength);
        if (!Enum.IsDefined(channel)) throw new DomainRuleException("Application.ChannelRequired");
        OrganizationId = organizationId;
        Scope = scope;
        Channel = channel;
        Subject = subject.Trim();
        Purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        ApplicantName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        ApplicantContact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        ReceivedAtUtc = receivedAtUtc;
        DueOn = dueOn;
        State = ApplicationState.Received;
        Touch(WorkflowAction.Receive, actor, utcNow, channel.ToString(), to: State.ToString());
    }

    /// <summary>
    /// An application made on the website. Anyone may ask about Public matters; a signed-in member also about all-member
    /// matters and her own organization's (<see cref="ApplicationRules.MayAsk"/>). She is recorded as the applicant so she
    /// finds it on 我的反馈; an anonymous applicant follows it by its code alone.
    /// </summary>
    public static DisclosureApplication Online(int organizationId, Audience scope, string subject, string? purpose, string? name, string? contact,
        Actor actor, DateTime utcNow, DateOnly dueOn)
    {
        if (!ApplicationRules.MayAsk(scope, organizationId, actor.IsAuthenticated, actor.OrganizationId))
            throw new DomainRuleException("Application.ScopeNotYours");
        return new DisclosureApplication(organizationId, scope, ApplicationChannel.Online, subject, purpose, name, contact, utcNow, dueOn, actor, utcNow)
        {
            SubmittedById = actor.IsAuthenticated ? actor.UserId : null,
            ApplicantOrganizationId = actor.IsAuthenticated ? actor.OrganizationId : null,
        };
    }

    /// <summary>A paper application (letter, visit, phone) registered by the Office; the applicant is not a signed-in member, so its scope is Public.</summary>
    public static DisclosureApplication Paper(int organizationId, ApplicationChannel channel, string subject, string? purpose, string? name,
        string? contact, DateTime receivedAtUtc, Actor office, DateTime utcNow, DateOnly dueOn)
    {
        if (channel == ApplicationChannel.Online) throw new DomainRuleException("Application.PaperChannelRequired");
        if (receivedAtUtc > utcNow) throw new DomainRuleException("Application.ReceivedInFuture");
        return new DisclosureApplication(organizationId, Audience.Public, channel, subject, purpose, name, contact, receivedAtUtc, dueOn, office, utcNow)
        {
            RegisteredById = office.UserId,
        };
    }

    /// <summary>Gives the application its 查询码 once and returns it in clear, the only time it exists so (see <see cref="TrackingCode"/>).</summary>
    public string IssueTrackingCode()
    {
        if (TrackingCodeHash is not null) throw new DomainRuleException("Feedback.TrackingCodeIssued");
        var code = TrackingCode.New();
        TrackingCodeHash = TrackingCode.Hash(code);
        return code;
    }

    protected override IEnumerable<ApplicationState> Next(ApplicationState from) => from switch
    {
        ApplicationState.Received => [ApplicationState.Assigned, ApplicationState.Answered],
        ApplicationState.Assigned => [ApplicationState.Assigned, ApplicationState.Answered],
        _ => [],
    };

    public bool IsLate(DateOnly today) => ApplicationRules.IsLate(State, DueOn, today);

    public bool IsExtended => ExtendedFrom is not null;

    /// <summary>Assigns (or reassigns) the application to a handler, before it is answered.</summary>
    public void Assign(Actor actor, DateTime utcNow, string assigneeId, string assigneeName)
    {
        if (string.IsNullOrWhiteSpace(assigneeId)) throw new DomainRuleException("Feedback.AssigneeRequired");
        MoveTo(ApplicationState.Assigned, WorkflowAction.Assign, actor, utcNow, assigneeName);
        AssigneeId = assigneeId;
        AssigneeName = assigneeName;
    }

    /// <summary>Extends the deadline once, with a reason, before the answer; <paramref name="newDueOn"/> is counted from the old due date.</summary>
    public void Extend(Actor actor, DateTime utcNow, string reason, DateOnly newDueOn)
    {
        if (State == ApplicationState.Answered) throw new DomainRuleException("Application.AlreadyAnswered");
        if (IsExtended) throw new DomainRuleException("Application.ExtendedOnce");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Application.ExtensionReasonRequired");
        if (reason.Length > MaxReasonLength) throw new DomainRuleException("Application.ReasonTooLong", MaxReasonLength);
        if (newDueOn <= DueOn) throw new DomainRuleException("Application.ExtensionMustBeLater");
        ExtendedFrom = DueOn;
        DueOn = newDueOn;
        ExtensionReason = reason.Trim();
        Touch(WorkflowAction.ExtendDeadline, actor, utcNow, $"{ExtendedFrom:yyyy-MM-dd} → {DueOn:yyyy-MM-dd}: {ExtensionReason}");
    }

    /// <summary>
    /// Answers the application with its outcome (<see cref="ApplicationRules.AnswerProblem"/> says what each must carry). A
    /// linked disclosure must belong to the organization asked and be one the applicant may read. Whether the answer was
    /// late is fixed now, on the bureau's day <paramref name="today"/>.
    /// </summary>
    public void AnswerWith(Actor actor, DateTime utcNow, DateOnly today, ApplicationOutcome outcome, string answer, string? withheld,
        ApplicationRefusal? refusal, string? refusalText, Disclosure? disclosure)
    {
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainRuleException("Application.AnswerRequired");
        if (answer.Length > MaxAnswerLength) throw new DomainRuleException("Application.AnswerTooLong", MaxAnswerLength);
        if (withheld is { Length: > MaxAnswerLength } || refusalText is { Length: > MaxReasonLength })
            throw new DomainRuleException("Application.ReasonTooLong", MaxReasonLength);
        if (ApplicationRules.AnswerProblem(outcome, disclosure is not null, withheld, refusal, refusalText) is { } problem)
            throw new DomainRuleException(problem);
        if (disclosure is not null)
        {
            if (disclosure.OrganizationId != OrganizationId) throw new DomainRuleException("Application.DisclosureOfAnotherOrganization");
            if (!ApplicationRules.ApplicantMayRead(disclosure.Audience, disclosure.OrganizationId, SubmittedById is not null, ApplicantOrganizationId))
                throw new DomainRuleException("Application.ApplicantCannotRead");
            // 已主动公开 points to what is already out; a new disclosure drafted for the answer is 予以公开 or 部分公开.
            if (outcome == ApplicationOutcome.AlreadyDisclosed && disclosure.State is not (DisclosureState.Published or DisclosureState.Closed))
                throw new DomainRuleException("Application.NotYetDisclosed");
        }
        MoveTo(ApplicationState.Answered, WorkflowAction.Answer, actor, utcNow, outcome.ToString());
        Outcome = outcome;
        Answer = answer.Trim();
        Withheld = outcome == ApplicationOutcome.PartlyDisclosed ? withheld!.Trim() : null;
        Refusal = outcome == ApplicationOutcome.Refused ? refusal : null;
        RefusalText = outcome == ApplicationOutcome.Refused && !string.IsNullOrWhiteSpace(refusalText) ? refusalText.Trim() : null;
        DisclosureId = disclosure?.Id;
        Disclosure = disclosure;
        AnsweredAtUtc = utcNow;
        AnsweredLate = ApplicationRules.IsLateAnswer(DueOn, today);
    }
}
