namespace PartyAffairs.App.Domain;

/// <summary>
/// One act of disclosing (公开事项, §5(二)2): Draft → Submitted → Approved → Published → Closed,
/// with Rejected (back to Draft, comment kept) and Withdrawn. Content is editable only as a draft;
/// once published, the text changes only through a re-disclosure that links to this one (§5(四)).
/// </summary>
public sealed class Disclosure : WorkflowEntity<DisclosureState>
{
    /// <summary>Slack for a start time that passed while the author was filling in the form.</summary>
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(15);

    public int OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    public int? CatalogueOccurrenceId { get; private set; }
    public CatalogueOccurrence? CatalogueOccurrence { get; private set; }
    /// <summary>Why an item outside the catalogue must be disclosed; required when there is no occurrence.</summary>
    public string? OutOfCatalogueReason { get; private set; }
    public Category Category { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Clean HTML (<see cref="BodyFormat.Html"/>), cleaned by the service on every write and shown as stored.</summary>
    public string Body { get; private set; } = "";
    /// <summary>Markdown only on rows written before the rich-text editor, until the startup conversion rewrites them.</summary>
    public BodyFormat BodyFormat { get; private set; } = BodyFormat.Html;
    public Channel Channels { get; private set; }
    public Audience Audience { get; private set; }
    public DateTime DisplayFromUtc { get; private set; }
    public DateTime DisplayUntilUtc { get; private set; }
    public bool Important { get; private set; }
    /// <summary>Standing content (长期的、程序性的) is shown beside current content on the board.</summary>
    public bool Standing { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastSavedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    /// <summary>When it came off display at its end, early with a reason, or because a correction replaced it.</summary>
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>When it was withdrawn (from any state).</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }
    /// <summary>The correction (再次公开) that replaced it on the board, set when that correction is published.</summary>
    public int? SupersededByDisclosureId { get; private set; }
    public string? ReviewComment { get; private set; }
    /// <summary>Sensitive words a reviewer let through, and why; a new hit outside this list blocks again.</summary>
    public List<string> SensitiveOverrideWords { get; private set; } = [];
    public string? SensitiveOverrideReason { get; private set; }
    /// <summary>The published disclosure this one revises (再次公开), if any.</summary>
    public int? RevisesDisclosureId { get; private set; }
    public int RevisionNumber { get; private set; } = 1;
    /// <summary>Why a correction was opened: shown to the reviewer and on the public correction.</summary>
    public string? RevisionReason { get; private set; }
    public List<DisclosureVersion> Versions { get; private set; } = [];
    public List<Attachment> Attachments { get; private set; } = [];
    public List<Approval> Approvals { get; private set; } = [];

    protected override int? AuditOrganizationId => OrganizationId;

    /// <summary>See <see cref="DisclosureRules.InCatalogue"/>.</summary>
    public bool IsInCatalogue => DisclosureRules.IsInCatalogue(this);

    public bool IsSuperseded => SupersededByDisclosureId is not null;

    /// <summary>See <see cref="DisclosureRules.Editable"/>.</summary>
    public bool IsEditable => DisclosureRules.IsEditable(this);

    private Disclosure() { }

    private Disclosure(int organizationId, int? occurrenceId, string? outOfCatalogueReason, Category category,
        Channel channels, Audience audience, bool standing, Actor author, DateTime utcNow)
    {
        OrganizationId = organizationId;
        CatalogueOccurrenceId = occurrenceId;
        OutOfCatalogueReason = string.IsNullOrWhiteSpace(outOfCatalogueReason) ? null : outOfCatalogueReason.Trim();
        Category = category;
        Channels = channels;
        Audience = audience;
        Standing = standing;
        AuthorId = author.UserId;
        AuthorName = author.DisplayName;
        CreatedAtUtc = utcNow;
        LastSavedAtUtc = utcNow;
        DisplayFromUtc = utcNow;
        DisplayUntilUtc = utcNow.AddDays(7);
        State = DisclosureState.Draft;
        Touch(WorkflowAction.Create, author, utcNow, OutOfCatalogueReason, to: State.ToString());
    }

    /// <summary>
    /// A draft fulfilling a catalogue occurrence, with the item's channels and audience as defaults and its body template
    /// (正文模板) as the body it starts from: a copy, so a later change of the template leaves this draft alone.
    /// </summary>
    public static Disclosure ForOccurrence(CatalogueOccurrence occurrence, CatalogueItem item, Actor author, DateTime utcNow)
    {
        if (occurrence.State != OccurrenceState.Open) throw new DomainRuleException("Occurrence.NotOpen");
        occurrence.Attach(item);
        return new Disclosure(item.OrganizationId, occurrence.Id, null, item.Category, item.Channels, item.Audience, item.Standing, author, utcNow)
        {
            CatalogueOccurrence = occurrence,
            Body = item.BodyTemplate,
        };
    }

    /// <summary>A draft outside the catalogue; only the Office may approve it (§5(二)2).</summary>
    public static Disclosure OutOfCatalogue(int organizationId, Category category, string reason, Channel channels, Audience audience, Actor author, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Disclosure.OutOfCatalogueReasonRequired");
        return new Disclosure(organizationId, null, reason, category, channels, audience, false, author, utcNow);
    }

    /// <summary>
    /// A re-disclosure (再次公开) of a published or closed item: a new draft carrying its content, its attachments (the
    /// same stored files, which the author may remove or replace), its catalogue occurrence and the reason, linked to it.
    /// </summary>
    public Disclosure Revise(Actor author, DateTime utcNow, string reason)
    {
        if (State is not (DisclosureState.Published or DisclosureState.Closed) || IsSuperseded) throw new DomainRuleException("Disclosure.ReviseOnlyPublished");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Disclosure.RevisionReasonRequired");
        var next = new Disclosure(OrganizationId, CatalogueOccurrenceId, OutOfCatalogueReason, Category, Channels, Audience, Standing, author, utcNow)
        {
            CatalogueOccurrence = CatalogueOccurrence,
            RevisesDisclosureId = Id,
            RevisionNumber = RevisionNumber + 1,
            RevisionReason = reason.Trim(),
            Title = Title,
            Body = Body,
            Important = Important,
            Attachments = Attachments.Select(a => a.CopyForRevision()).ToList(),
        };
        return next;
    }

    protected override IEnumerable<DisclosureState> Next(DisclosureState from) => from switch
    {
        DisclosureState.Draft => [DisclosureState.Submitted, DisclosureState.Withdrawn],
        DisclosureState.Submitted => [DisclosureState.Approved, DisclosureState.Rejected, DisclosureState.Withdrawn],
        DisclosureState.Approved => [DisclosureState.Published, DisclosureState.Withdrawn],
        DisclosureState.Published => [DisclosureState.Closed, DisclosureState.Withdrawn],
        DisclosureState.Rejected => [DisclosureState.Draft, DisclosureState.Withdrawn],
        _ => [],
    };

    /// <summary>Saves the author's edits (autosave included). A rejected draft goes back to Draft, keeping the reviewer's comment.</summary>
    public void Edit(string title, string body, Channel channels, Audience audience, DateTime displayFromUtc,
        DateTime displayUntilUtc, bool important, Actor actor, DateTime utcNow)
    {
        if (!IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
        if (State == DisclosureState.Rejected) MoveTo(DisclosureState.Draft, WorkflowAction.Revise, actor, utcNow);
        else Version++;
        Title = title.Trim();
        Body = body;
        Channels = channels;
        Audience = audience;
        DisplayFromUtc = EnsureUtc(displayFromUtc);
        DisplayUntilUtc = EnsureUtc(displayUntilUtc);
        Important = important;
        LastSavedAtUtc = utcNow;
    }

    /// <summary>
    /// A correction's body pointed at its own copies of the files it carried over, once they have ids (the service rewrites
    /// the image addresses). Not an edit: the author has not seen the draft yet.
    /// </summary>
    public void RelinkBody(string body)
    {
        if (!IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
        Body = body;
    }

    /// <summary>The rules checked before submission, as keys the form can show next to the fields.</summary>
    public IReadOnlyList<string> SubmissionProblems(DateTime utcNow, DisplayRules? rules = null)
    {
        rules ??= DisplayRules.Default;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title)) problems.Add("Disclosure.TitleRequired");
        if (string.IsNullOrWhiteSpace(Body)) problems.Add("Disclosure.BodyRequired");
        if (Channels == Channel.None) problems.Add("Disclosure.ChannelRequired");
        if (!IsInCatalogue && RevisesDisclosureId is null && OutOfCatalogueReason is null) problems.Add("Disclosure.OutOfCatalogueReasonRequired");
        if (DisplayUntilUtc <= DisplayFromUtc) problems.Add("Disclosure.DisplayPeriodReversed");
        else if (Important && DisplayUntilUtc - DisplayFromUtc < DisplayRules.ImportantMinimum) problems.Add("Disclosure.ImportantTooShort");
        // A catalogue occurrence is fulfilled only by an item displayed for its minimum period: a shorter period could never fulfil it.
        else if (IsInCatalogue && DisplayUntilUtc - DisplayFromUtc < rules.MinimumFor(Important)) problems.Add("Disclosure.ShorterThanMinimum");
        if (DisplayFromUtc < utcNow - StartTolerance) problems.Add("Disclosure.DisplayStartsInPast");
        return problems;
    }

    /// <summary>The sensitive-word hits no reviewer has let through yet: each one blocks submission.</summary>
    public IReadOnlyList<string> UnresolvedSensitiveWords(IEnumerable<string> sensitiveHits) =>
        sensitiveHits.Except(SensitiveOverrideWords).ToList();

    /// <summary>
    /// An edit changed which sensitive words wait for a reviewer, or retitled a draft that has some: the dashboard's
    /// 敏感词待放行 card must hear of it once saved, though an edit is not audited.
    /// </summary>
    public void AnnounceSensitiveWordsChanged(Actor actor, DateTime utcNow) => Announce(WorkflowAction.SensitiveWordsChanged, actor, utcNow);

    /// <summary>
    /// Submits after <see cref="SubmissionProblems"/> and <see cref="UnresolvedSensitiveWords"/> — the very checks the
    /// drafting page shows. A rejected item may be resubmitted as it is: it goes back to Draft on the way, as an edit would take it.
    /// </summary>
    public void Submit(Actor actor, DateTime utcNow, IReadOnlyCollection<string> sensitiveHits, DisplayRules? rules = null)
    {
        var problems = SubmissionProblems(utcNow, rules);
        if (problems.Count > 0) throw new DomainRuleException(problems[0]);
        var unresolved = UnresolvedSensitiveWords(sensitiveHits);
        if (unresolved.Count > 0) throw new DomainRuleException("Disclosure.SensitiveWords", string.Join("、", unresolved));
        if (State == DisclosureState.Rejected) MoveTo(DisclosureState.Draft, WorkflowAction.Revise, actor, utcNow);
        MoveTo(DisclosureState.Submitted, WorkflowAction.Submit, actor, utcNow);
        SubmittedAtUtc = utcNow;
        Versions.Add(new DisclosureVersion(Versions.Count + 1, this, actor, utcNow));
    }

    /// <summary>A reviewer lets the listed sensitive-word hits pass, with a reason; recorded as an approval row and in the audit.</summary>
    public void OverrideSensitiveWords(Actor reviewer, DateTime utcNow, IReadOnlyCollection<string> words, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Disclosure.OverrideReasonRequired");
        if (!IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
        SensitiveOverrideWords = SensitiveOverrideWords.Union(words).ToList();
        SensitiveOverrideReason = reason.Trim();
        Approvals.Add(new Approval(reviewer, OrganizationId, ApprovalDecision.SensitiveWordsOverridden, reason, false, false, utcNow));
        Touch(WorkflowAction.OverrideSensitiveWords, reviewer, utcNow, $"{string.Join("、", words)}: {reason}");
    }

    /// <summary>
    /// Approves it. Nobody approves their own gated item (out of the catalogue, a catch-all line, a narrowed audience or a
    /// dropped channel, <see cref="ReviewRoute"/>); a Secretary approving her own in-catalogue item is allowed and recorded as such.
    /// Its period must still lie (partly) ahead: approved after the requested end, nothing could be shown for its length, and
    /// the author must choose a new period. An in-catalogue item must be loaded with its occurrence's catalogue item.
    /// </summary>
    public void Approve(Actor reviewer, DateTime utcNow, bool confidentialityConfirmed, string? comment = null)
    {
        if (!confidentialityConfirmed) throw new DomainRuleException("Disclosure.ConfidentialityNotConfirmed");
        if (State == DisclosureState.Submitted && utcNow >= DisplayUntilUtc) throw new DomainRuleException("Disclosure.DisplayPeriodOver");
        var ownItem = reviewer.UserId == AuthorId;
        if (ownItem && ReviewRoute.For(this, officeApprovesEverything: false).Gated) throw new DomainRuleException("Review.OwnGatedItem");
        MoveTo(DisclosureState.Approved, WorkflowAction.Approve, reviewer, utcNow, comment);
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Approvals.Add(new Approval(reviewer, OrganizationId, ApprovalDecision.Approved, comment, true, ownItem, utcNow));
    }

    public void Reject(Actor reviewer, DateTime utcNow, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Review.CommentRequired");
        MoveTo(DisclosureState.Rejected, WorkflowAction.Reject, reviewer, utcNow, comment);
        ReviewComment = comment.Trim();
        Approvals.Add(new Approval(reviewer, OrganizationId, ApprovalDecision.Rejected, comment, false, false, utcNow));
    }

    /// <summary>
    /// Goes on display at its start time, not before. Display is what was served: published after the requested start
    /// (a late approval, a late scheduler run) it starts now and keeps the length it asked for, so an Important item still
    /// shows a week from its actual publication. Publishing fulfils its catalogue occurrence, unless an earlier version of
    /// the same chain already does; a correction takes <paramref name="corrected"/> (the version it revises) off the board.
    /// </summary>
    public void Publish(Actor actor, DateTime utcNow, Disclosure? corrected = null)
    {
        if (utcNow < DisplayFromUtc) throw new DomainRuleException("Disclosure.NotYetStarted");
        if (RevisesDisclosureId is not null && corrected?.Id != RevisesDisclosureId)
            throw new InvalidOperationException("Load the disclosure a correction revises before publishing it.");
        if (utcNow > DisplayFromUtc)
        {
            DisplayUntilUtc = utcNow + (DisplayUntilUtc - DisplayFromUtc);
            DisplayFromUtc = utcNow;
        }
        MoveTo(DisclosureState.Published, WorkflowAction.Publish, actor, utcNow);
        PublishedAtUtc = utcNow;
        if (CatalogueOccurrenceId is not null)
        {
            // Publishing is what fulfils the plan, so the occurrence must travel with the disclosure.
            var occurrence = CatalogueOccurrence ?? throw new InvalidOperationException("Load the catalogue occurrence before publishing.");
            if (occurrence.State == OccurrenceState.Open) occurrence.Fulfil(Id, utcNow);
        }
        corrected?.SupersedeBy(this, actor, utcNow);
    }

    /// <summary>A published correction replaces this version: off the current board at once, its page kept with a link forward.</summary>
    internal void SupersedeBy(Disclosure correction, Actor actor, DateTime utcNow)
    {
        SupersededByDisclosureId = correction.Id;
        if (State == DisclosureState.Published)
        {
            MoveTo(DisclosureState.Closed, WorkflowAction.Supersede, actor, utcNow, $"#{correction.RevisionNumber}");
            ClosedAtUtc = utcNow;
        }
        else Touch(WorkflowAction.Supersede, actor, utcNow, $"#{correction.RevisionNumber}", State.ToString(), State.ToString());
    }

    /// <summary>
    /// Comes off display at its end time; earlier only with a reason. Closed inside its minimum display it did not fulfil
    /// its occurrence (see <see cref="DisplayRules"/>).
    /// </summary>
    public void Close(Actor actor, DateTime utcNow, string? reason = null, DisplayRules? rules = null)
    {
        if (utcNow < DisplayUntilUtc && string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Disclosure.EarlyCloseNeedsReason");
        MoveTo(DisclosureState.Closed, WorkflowAction.Close, actor, utcNow, reason);
        ClosedAtUtc = utcNow;
        ReopenOccurrenceIfShortOf(rules, actor, utcNow);
    }

    /// <summary>
    /// Withdrawal, with a reason. An Important item in its first week from its actual publication only the Office may
    /// withdraw; a withdrawal inside the minimum display reopens the occurrence it fulfilled (due again, or overdue).
    /// </summary>
    public void Withdraw(Actor actor, DateTime utcNow, string reason, DisplayRules? rules = null)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Disclosure.WithdrawReasonRequired");
        if (InsideImportantMinimum(utcNow) && !actor.IsInRole(Roles.Office)) throw new DomainRuleException("Disclosure.ImportantNeedsOffice");
        var wasOnDisplay = State == DisclosureState.Published;
        MoveTo(DisclosureState.Withdrawn, WorkflowAction.Withdraw, actor, utcNow, reason);
        WithdrawnAtUtc = utcNow;
        if (wasOnDisplay) ReopenOccurrenceIfShortOf(rules, actor, utcNow);
    }

    /// <summary>An Important item stays up at least a week once published (重要事项…不少于一周), counted from its actual publication.</summary>
    public bool InsideImportantMinimum(DateTime utcNow) =>
        Important && State == DisclosureState.Published && PublishedAtUtc is { } published && utcNow < published + DisplayRules.ImportantMinimum;

    /// <summary>
    /// The occurrence this chain fulfilled stays fulfilled only if it was on display for the minimum period, counted from the
    /// publication that fulfilled it (a correction continues the display of the version it replaced).
    /// </summary>
    private void ReopenOccurrenceIfShortOf(DisplayRules? rules, Actor actor, DateTime utcNow)
    {
        rules ??= DisplayRules.Default;
        if (CatalogueOccurrenceId is null) return;
        var occurrence = CatalogueOccurrence ?? throw new InvalidOperationException("Load the catalogue occurrence before taking an item off display.");
        if (occurrence is not { State: OccurrenceState.Fulfilled, FulfilledAtUtc: { } fulfilled }) return;
        if (rules.Served(fulfilled, utcNow, Important)) return;
        ReopenOccurrence(actor, utcNow);
    }

    /// <summary>Reopens the occurrence this item fulfilled, recorded on the item (the occurrence keeps no trail of its own).</summary>
    internal void ReopenOccurrence(Actor actor, DateTime utcNow, string? why = null)
    {
        var occurrence = CatalogueOccurrence ?? throw new InvalidOperationException("Load the catalogue occurrence before reopening it.");
        occurrence.Reopen();
        Touch(WorkflowAction.ReopenOccurrence, actor, utcNow, why ?? occurrence.Label, State.ToString(), State.ToString());
    }

    /// <summary>See <see cref="DisclosureRules.OnDisplayAt"/>.</summary>
    public bool IsOnDisplay(DateTime utcNow) => DisclosureRules.IsOnDisplay(State, DisplayFromUtc, DisplayUntilUtc, utcNow);

    public void AddAttachment(Attachment attachment)
    {
        if (!IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
        Attachments.Add(attachment);
        Version++;
    }

    /// <summary>Takes a file off the draft; the caller deletes its bytes after the save.</summary>
    public Attachment RemoveAttachment(int attachmentId)
    {
        if (!IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new InvalidOperationException("Load the attachment with its disclosure before removing it.");
        Attachments.Remove(attachment);
        Version++;
        return attachment;
    }

    private static DateTime EnsureUtc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new ArgumentException("Display times are stored in UTC.", nameof(value));
}
