namespace PartyAffairs.App.Domain;

/// <summary>One dated time a catalogue item falls due: a month, quarter, half-year, year, phase or event.</summary>
public sealed class CatalogueOccurrence
{
    public int Id { get; private set; }
    public int CatalogueItemId { get; private set; }
    public CatalogueItem? CatalogueItem { get; private set; }
    public int Sequence { get; private set; }
    /// <summary>The period or phase it is for, e.g. 2026-Q3 or a phase name.</summary>
    public string Label { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    /// <summary>The bureau's day by which it must be published.</summary>
    public DateOnly DueDate { get; private set; }
    /// <summary>
    /// The day its working days count from (a period's end, the day a standing line came into force, a phase's opening, an
    /// event), kept so that a new calendar or new due-day settings can count them again; null for occurrences planned before it was kept.
    /// </summary>
    public DateOnly? DueFrom { get; private set; }
    public OccurrenceState State { get; private set; }
    /// <summary>The disclosure that fulfilled it.</summary>
    public int? DisclosureId { get; private set; }
    public DateTime? FulfilledAtUtc { get; private set; }
    public int Version { get; private set; }

    private CatalogueOccurrence() { }

    public CatalogueOccurrence(int sequence, string label, DateOnly periodStart, DateOnly periodEnd, DateOnly dueDate, DateOnly? dueFrom = null)
    {
        if (periodEnd < periodStart) throw new DomainRuleException("Occurrence.PeriodReversed");
        Sequence = sequence;
        Label = label;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        DueDate = dueDate;
        DueFrom = dueFrom;
    }

    /// <summary>An immediate item's occurrence, opened when the event happens and due a set number of working days later.</summary>
    public static CatalogueOccurrence ForEvent(int sequence, string label, DateOnly eventDate, DateOnly dueDate)
        => new(sequence, label, eventDate, eventDate, dueDate, eventDate);

    /// <summary>Links a new occurrence to its item in memory, so that what is drafted on it can be routed by its line before any save.</summary>
    internal void Attach(CatalogueItem item)
    {
        if (CatalogueItem is null && (CatalogueItemId == 0 || CatalogueItemId == item.Id)) CatalogueItem = item;
    }

    /// <summary>See <see cref="OccurrenceRules.OverdueOn"/>.</summary>
    public bool IsOverdue(DateOnly today) => OccurrenceRules.IsOverdue(State, DueDate, today);

    /// <summary>
    /// Where it stands on the bureau's <paramref name="today"/>: the due date itself is still in time, so it is due
    /// soon, not overdue; a disclosure published on the due date (<paramref name="fulfilledOn"/>, the bureau's day) is on time.
    /// </summary>
    public OccurrenceStatus StatusOn(DateOnly today, DateOnly? fulfilledOn, int soonDays = 7) => State switch
    {
        OccurrenceState.Cancelled => OccurrenceStatus.Cancelled,
        OccurrenceState.Fulfilled => fulfilledOn > DueDate ? OccurrenceStatus.FulfilledLate : OccurrenceStatus.FulfilledOnTime,
        _ when OccurrenceRules.IsOverdue(State, DueDate, today) => OccurrenceStatus.Overdue,
        _ when DueDate.DayNumber - today.DayNumber <= soonDays => OccurrenceStatus.DueSoon,
        _ => OccurrenceStatus.NotDue,
    };

    public void Fulfil(int disclosureId, DateTime utcNow)
    {
        if (State != OccurrenceState.Open) throw new DomainRuleException("Occurrence.NotOpen");
        State = OccurrenceState.Fulfilled;
        DisclosureId = disclosureId;
        FulfilledAtUtc = utcNow;
        Version++;
    }

    /// <summary>
    /// The disclosure that fulfilled it came off display before its minimum period (see <see cref="DisplayRules"/>): the
    /// obligation stands again, due (or overdue) as planned.
    /// </summary>
    public void Reopen()
    {
        if (State != OccurrenceState.Fulfilled) throw new DomainRuleException("Occurrence.NotFulfilled");
        State = OccurrenceState.Open;
        DisclosureId = null;
        FulfilledAtUtc = null;
        Version++;
    }

    /// <summary>
    /// An open occurrence planned under an earlier rule takes its new plan (e.g. a standing line planned as a yearly report);
    /// a fulfilled or cancelled one keeps the record of what it was.
    /// </summary>
    public bool Replan(CatalogueOccurrence plan)
    {
        if (State != OccurrenceState.Open) return false;
        if (Label == plan.Label && PeriodStart == plan.PeriodStart && PeriodEnd == plan.PeriodEnd && DueDate == plan.DueDate) return false;
        Label = plan.Label;
        PeriodStart = plan.PeriodStart;
        PeriodEnd = plan.PeriodEnd;
        DueDate = plan.DueDate;
        DueFrom = plan.DueFrom;
        Version++;
        return true;
    }

    /// <summary>
    /// The calendar or the due-day settings changed: an open occurrence takes the due date they now give; a fulfilled or
    /// cancelled one keeps the date it was held to. Returns whether it moved.
    /// </summary>
    public bool Redate(DateOnly dueDate)
    {
        if (State != OccurrenceState.Open || DueDate == dueDate) return false;
        DueDate = dueDate;
        Version++;
        return true;
    }

    public void Cancel()
    {
        if (State != OccurrenceState.Open) throw new DomainRuleException("Occurrence.NotOpen");
        State = OccurrenceState.Cancelled;
        Version++;
    }
}
