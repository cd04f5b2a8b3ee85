namespace PartyAffairs.App.Domain;

/// <summary>The year's disclosure catalogue (年度党务公开目录, §5(二)1): Draft → Submitted → Approved → InForce.</summary>
public sealed class Catalogue : WorkflowEntity<CatalogueState>
{
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>How the catalogue was started: the city template's file name, or the year it was cloned from.</summary>
    public string? Source { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string? ReviewComment { get; private set; }
    /// <summary>Who submitted it for approval: they may not approve it themselves.</summary>
    public string? SubmittedById { get; private set; }
    public string? ApprovedById { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public List<CatalogueItem> Items { get; private set; } = [];
    /// <summary>The city template's rows as imported (JSON), kept so the page can show how this year departs from it.</summary>
    public string? TemplateJson { get; private set; }

    protected override int? AuditOrganizationId => null;

    private Catalogue() { }

    public Catalogue(int year, string title, string? source, Actor actor, DateTime utcNow)
    {
        if (year is < 2000 or > 2100) throw new DomainRuleException("Catalogue.YearOutOfRange", year);
        Year = year;
        Title = title;
        Source = source;
        CreatedAtUtc = utcNow;
        State = CatalogueState.Draft;
        Touch(WorkflowAction.Create, actor, utcNow, source, to: State.ToString());
    }

    public bool IsEditable => State == CatalogueState.Draft;

    protected override IEnumerable<CatalogueState> Next(CatalogueState from) => from switch
    {
        CatalogueState.Draft => [CatalogueState.Submitted],
        // A reviewer sends it back to Draft with a comment, or approves it.
        CatalogueState.Submitted => [CatalogueState.Draft, CatalogueState.Approved],
        CatalogueState.Approved => [CatalogueState.InForce],
        _ => [],
    };

    public void Submit(Actor actor, DateTime utcNow)
    {
        if (Items.All(i => i.IsRetired)) throw new DomainRuleException("Catalogue.Empty");
        ReviewComment = null;
        MoveTo(CatalogueState.Submitted, WorkflowAction.Submit, actor, utcNow);
        SubmittedById = actor.UserId;
    }

    public void Reject(Actor actor, DateTime utcNow, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Review.CommentRequired");
        ReviewComment = comment.Trim();
        MoveTo(CatalogueState.Draft, WorkflowAction.Reject, actor, utcNow, comment);
    }

    /// <summary>Approved by someone other than who submitted it: another Office member or a Leader.</summary>
    public void Approve(Actor actor, DateTime utcNow, string? comment = null)
    {
        if (actor.UserId == SubmittedById) throw new DomainRuleException("Catalogue.OwnApproval");
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ApprovedById = actor.UserId;
        ApprovedAtUtc = utcNow;
        MoveTo(CatalogueState.Approved, WorkflowAction.Approve, actor, utcNow, comment);
    }

    /// <summary>
    /// Drops a draft catalogue so the year can be started again (imported afresh or cloned). Only a draft: once submitted
    /// someone is deciding on it, and once in force it is the year's record. The service deletes it; this records why.
    /// </summary>
    public void Discard(Actor actor, DateTime utcNow, string? reason = null)
    {
        if (State != CatalogueState.Draft) throw new DomainRuleException("Catalogue.DiscardOnlyDraft");
        Touch(WorkflowAction.Discard, actor, utcNow, reason ?? $"{Year} {Title}", from: State.ToString());
    }

    public void PutInForce(Actor actor, DateTime utcNow) => MoveTo(CatalogueState.InForce, WorkflowAction.PutInForce, actor, utcNow);

    public CatalogueItem AddItem(CatalogueItem item)
    {
        EnsureEditable();
        Items.Add(item);
        return item;
    }

    /// <summary>Items change freely only while the catalogue is a draft; once in force, only through an amendment.</summary>
    public void EnsureEditable()
    {
        if (!IsEditable) throw new DomainRuleException("Catalogue.NotEditable");
    }

    public void RemoveItem(CatalogueItem item)
    {
        EnsureEditable();
        Items.Remove(item);
    }

    /// <summary>
    /// The Office changes a line's body template (<paramref name="cleanHtml"/>, already cleaned; blank clears it), in any state
    /// of the catalogue while the line is in use (<see cref="CatalogueItem.BodyTemplateEditable"/>). The change is recorded on the
    /// catalogue with <paramref name="record"/> (which line, set or cleared); an unchanged template records nothing. Returns whether it changed.
    /// </summary>
    public bool ChangeBodyTemplate(CatalogueItem item, string? cleanHtml, Actor actor, DateTime utcNow, string record)
    {
        if (!Items.Contains(item)) throw new DomainRuleException("Catalogue.ItemUnknown");
        if (!CatalogueItem.BodyTemplateEditable(State, item.IsRetired)) throw new DomainRuleException("CatalogueItem.Retired");
        if (!item.ChangeBodyTemplate(cleanHtml)) return false;
        Touch(WorkflowAction.ChangeBodyTemplate, actor, utcNow, record);
        return true;
    }

    public void RecordTemplate(string templateJson)
    {
        EnsureEditable();
        TemplateJson = templateJson;
    }

    /// <summary>
    /// Approval puts the plan in force at once (<see cref="ApprovedAtUtc"/> is when it came into force) and schedules the year:
    /// every regular item gets its dated occurrences, every standing line one for the year, due from <paramref name="today"/>
    /// (the bureau's day of the approval).
    /// </summary>
    public void ApproveIntoForce(Actor actor, DateTime utcNow, WorkingCalendar calendar, DueRules rules, string? comment = null, DateOnly? today = null)
    {
        Approve(actor, utcNow, comment);
        PutInForce(actor, utcNow);
        foreach (var item in Items) item.PlanYear(Year, calendar, rules, inForceDay: today);
    }

    /// <summary>
    /// Applies an approved amendment to the catalogue in force, in the same transaction as the approval:
    /// added items join and are planned for the year, changed items take the proposed values (and any
    /// periods they now lack), retired items stop being due. <paramref name="proposal"/> reads a change's proposed item;
    /// <paramref name="today"/> is the bureau's day: periods over before it are not planned for what joins now;
    /// <paramref name="record"/> is what the audit keeps of it (by default the amendment's reason).
    /// </summary>
    public void ApplyAmendment(CatalogueAmendment amendment, Func<CatalogueAmendmentChange, CatalogueItem> proposal,
        WorkingCalendar calendar, DueRules rules, Actor actor, DateTime utcNow, DateOnly today, string? record = null)
    {
        if (State != CatalogueState.InForce) throw new DomainRuleException("Amendment.CatalogueNotInForce");
        if (amendment.CatalogueId != Id || amendment.State != AmendmentState.Approved) throw new DomainRuleException("Amendment.NotApproved");
        foreach (var change in amendment.Changes)
        {
            switch (change.Kind)
            {
                case AmendmentChangeKind.Add:
                    var added = proposal(change);
                    Items.Add(added);
                    added.PlanYear(Year, calendar, rules, today, today);
                    break;
                case AmendmentChangeKind.Change:
                    var item = ItemInForce(change.CatalogueItemId);
                    var p = proposal(change);
                    item.Update(p.Category, p.Title, p.Description, p.Channels, p.Audience, p.Cadence, p.Standing, p.ResponsiblePerson, p.Phases);
                    item.PlanYear(Year, calendar, rules, today, today);
                    break;
                case AmendmentChangeKind.Retire:
                    ItemInForce(change.CatalogueItemId).Retire();
                    break;
            }
        }
        Touch(WorkflowAction.Amend, actor, utcNow, record ?? amendment.Reason);
    }

    /// <summary>
    /// Standing lines planned under the first year's rule (reports per period, the last due after the year ends) take the
    /// standing plan, due from <paramref name="inForceDay"/>: the first open occurrence of a line becomes the year's standing
    /// one; its other open periods, or all of them once the line was fulfilled, are no longer due. Fulfilled and cancelled
    /// occurrences keep their record; a line already planned as standing is left alone, so running this again changes nothing.
    /// Returns how many occurrences changed, recorded on the catalogue with <paramref name="reason"/>.
    /// </summary>
    public int ReplanStandingLines(WorkingCalendar calendar, DueRules rules, DateOnly inForceDay, Actor actor, DateTime utcNow, string reason)
    {
        var changed = 0;
        foreach (var item in Items.Where(i => i.Standing && !i.IsRetired))
        {
            var plan = CatalogueItem.PlanStanding(Year, calendar, rules, inForceDay);
            var open = item.Occurrences.Where(o => o.State == OccurrenceState.Open && o.Label != plan.Label).OrderBy(o => o.Sequence).ToList();
            if (open.Count == 0) continue;
            var keep = item.Occurrences.Any(o => o.State == OccurrenceState.Fulfilled || o.Label == plan.Label) ? null : open[0];
            foreach (var occurrence in open)
            {
                if (occurrence == keep) occurrence.Replan(plan);
                else occurrence.Cancel();
                changed++;
            }
        }
        if (changed > 0) Touch(WorkflowAction.ReplanStanding, actor, utcNow, $"{reason}（{changed}）");
        return changed;
    }

    /// <summary>
    /// Moves an open occurrence of one of its items to the due date a changed calendar or due-day setting gives it, recorded on
    /// the catalogue as its own entry (old → new date, with the line, period and <paramref name="reason"/>). Returns whether it moved.
    /// </summary>
    public bool RedateOccurrence(CatalogueItem item, CatalogueOccurrence occurrence, DateOnly dueDate, Actor actor, DateTime utcNow, string reason)
    {
        if (item.CatalogueId != Id || !item.Occurrences.Contains(occurrence)) throw new DomainRuleException("Catalogue.OccurrenceUnknown");
        var old = occurrence.DueDate;
        if (!occurrence.Redate(dueDate)) return false;
        Touch(WorkflowAction.Redate, actor, utcNow, $"{item.Title}（{occurrence.Label}）：{reason}", old.ToString("yyyy-MM-dd"), dueDate.ToString("yyyy-MM-dd"));
        return true;
    }

    private CatalogueItem ItemInForce(int? itemId)
    {
        var item = Items.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainRuleException("Amendment.ItemRequired");
        if (item.IsRetired) throw new DomainRuleException("CatalogueItem.Retired");
        return item;
    }
}
