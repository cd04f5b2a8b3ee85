namespace PartyAffairs.App.Domain;

/// <summary>One line of the catalogue: what an organization discloses, how, to whom and how often.</summary>
public sealed class CatalogueItem
{
    public int Id { get; private set; }
    public int CatalogueId { get; private set; }
    public int OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    public Category Category { get; private set; }
    /// <summary>事项.</summary>
    public string Title { get; private set; } = "";
    /// <summary>内容说明.</summary>
    public string Description { get; private set; } = "";
    public Channel Channels { get; private set; }
    public Audience Audience { get; private set; }
    public Cadence Cadence { get; private set; }
    /// <summary>长期公开: long-standing, procedural content shown beside current content on the board (§5(三)1).</summary>
    public bool Standing { get; private set; }
    public string ResponsiblePerson { get; private set; } = "";
    /// <summary>Phase names, for phased items.</summary>
    public List<string> Phases { get; private set; } = [];
    /// <summary>Retired by an amendment: kept for the record, no longer planned.</summary>
    public bool IsRetired { get; private set; }
    /// <summary>
    /// Marked by the Office as a catch-all line (兜底事项): it does not say what will be disclosed, so what is recorded on it
    /// goes to the Office like an out-of-catalogue item. Category 8 (其他事项) is always catch-all (<see cref="IsCatchAllLine"/>).
    /// </summary>
    public bool IsCatchAll { get; private set; }
    /// <summary>
    /// 正文模板: the body a draft of this line starts from (e.g. the 三会一课 table), as HTML already cleaned to the body
    /// allow-list without images; empty when the line has none. See <see cref="BodyTemplateEditable"/> for when it may change.
    /// </summary>
    public string BodyTemplate { get; private set; } = "";
    public int Version { get; private set; }
    public List<CatalogueOccurrence> Occurrences { get; private set; } = [];

    private CatalogueItem() { }

    public CatalogueItem(int organizationId, Category category, string title, string description, Channel channels,
        Audience audience, Cadence cadence, bool standing, string responsiblePerson, IEnumerable<string>? phases = null, string? bodyTemplate = null)
    {
        OrganizationId = organizationId;
        Update(category, title, description, channels, audience, cadence, standing, responsiblePerson, phases);
        ChangeBodyTemplate(bodyTemplate);
        Version = 0;
    }

    /// <summary>The longest stored template: one spreadsheet cell (Excel's limit), so the catalogue export carries it whole and imports again.</summary>
    public const int MaxBodyTemplateLength = 32_767;

    public bool HasBodyTemplate => BodyTemplate.Length > 0;

    /// <summary>
    /// When a line's body template may change: whenever the line is still in use, in every state of its catalogue. A template
    /// is a drafting aid, not part of what the catalogue promises (what, how, to whom, how often), so it needs no amendment
    /// and no new approval; a retired line is no longer drafted for. The Office alone changes it
    /// (<see cref="AccessPolicy.CanEditCatalogue"/>), and each change is audited on the catalogue
    /// (<see cref="Catalogue.ChangeBodyTemplate"/>). Drafts already started keep the body they started with.
    /// </summary>
    public static bool BodyTemplateEditable(CatalogueState catalogueState, bool retired) =>
        Enum.IsDefined(catalogueState) && !retired;

    /// <summary>
    /// Sets the template (<paramref name="cleanHtml"/> is already cleaned; null or blank clears it). Returns whether it changed.
    /// A line being created takes it through the constructor; an existing line through <see cref="Catalogue.ChangeBodyTemplate"/>.
    /// </summary>
    internal bool ChangeBodyTemplate(string? cleanHtml)
    {
        var html = string.IsNullOrWhiteSpace(cleanHtml) ? "" : cleanHtml.Trim();
        if (html.Length > MaxBodyTemplateLength) throw new DomainRuleException("CatalogueItem.BodyTemplateTooLong", MaxBodyTemplateLength);
        if (html == BodyTemplate) return false;
        BodyTemplate = html;
        Version++;
        return true;
    }

    public void Update(Category category, string title, string description, Channel channels, Audience audience,
        Cadence cadence, bool standing, string responsiblePerson, IEnumerable<string>? phases)
    {
        if (!Enum.IsDefined(category)) throw new DomainRuleException("CatalogueItem.CategoryInvalid");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainRuleException("CatalogueItem.TitleRequired");
        if (channels == Channel.None) throw new DomainRuleException("CatalogueItem.ChannelRequired");
        var phaseList = (phases ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (cadence == Cadence.Phased && phaseList.Count == 0) throw new DomainRuleException("CatalogueItem.PhasesRequired");
        if (cadence != Cadence.Phased) phaseList.Clear();

        Category = category;
        Title = title.Trim();
        Description = description.Trim();
        Channels = channels;
        Audience = audience;
        Cadence = cadence;
        Standing = standing;
        ResponsiblePerson = responsiblePerson.Trim();
        Phases = phaseList;
        Version++;
    }

    /// <summary>Retired by an amendment: kept for the record, its open occurrences no longer due.</summary>
    public void Retire()
    {
        IsRetired = true;
        foreach (var occurrence in Occurrences.Where(o => o.State == OccurrenceState.Open)) occurrence.Cancel();
        Version++;
    }

    /// <summary>A catch-all line, marked or by its category (8, 其他事项).</summary>
    public bool IsCatchAllLine => IsCatchAll || Category == Category.Other;

    /// <summary>The Office marks (or unmarks) the line as catch-all; category 8 stays catch-all whatever the mark.</summary>
    public void MarkCatchAll(bool catchAll)
    {
        if (IsCatchAll == catchAll) return;
        IsCatchAll = catchAll;
        Version++;
    }

    public bool IsRegular => Cadence is Cadence.Monthly or Cadence.Quarterly or Cadence.HalfYearly or Cadence.Yearly;

    /// <summary>The periods a regular item is due for in a year; phased and immediate items have none in advance.</summary>
    public IEnumerable<(int Sequence, string Label, DateOnly PeriodStart, DateOnly PeriodEnd)> PlanPeriods(int year)
    {
        var start = new DateOnly(year, 1, 1);
        switch (Cadence)
        {
            case Cadence.Monthly:
                for (var m = 1; m <= 12; m++)
                    yield return (m, PeriodLabel.Month(year, m), new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1).AddDays(-1));
                break;
            case Cadence.Quarterly:
                for (var q = 1; q <= 4; q++)
                    yield return (q, PeriodLabel.Quarter(year, q), start.AddMonths((q - 1) * 3), start.AddMonths(q * 3).AddDays(-1));
                break;
            case Cadence.HalfYearly:
                yield return (1, PeriodLabel.Half(year, 1), start, new DateOnly(year, 6, 30));
                yield return (2, PeriodLabel.Half(year, 2), new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));
                break;
            case Cadence.Yearly:
                yield return (1, PeriodLabel.Year(year), start, new DateOnly(year, 12, 31));
                break;
        }
    }

    /// <summary>
    /// Approval plans the year: one occurrence per period, due the set number of working days after the
    /// period ends. An item that joins mid-year (by amendment) is planned from <paramref name="fromDay"/>:
    /// periods already over were never its duty. A standing (长期) line is an obligation to be on display all year, not a
    /// report per period: it gets one occurrence for the year, due the standing working days after the day it came into force
    /// (<paramref name="inForceDay"/>, the bureau's day; the year's first day if earlier), whatever its cadence. Planning twice changes nothing.
    /// </summary>
    public void PlanYear(int year, WorkingCalendar calendar, DueRules rules, DateOnly? fromDay = null, DateOnly? inForceDay = null)
    {
        if (IsRetired) return;
        if (Standing)
        {
            if (Occurrences.Count == 0) Occurrences.Add(PlanStanding(year, calendar, rules, inForceDay ?? fromDay));
            return;
        }
        foreach (var (sequence, label, start, end) in PlanPeriods(year))
        {
            if (Occurrences.Any(o => o.Sequence == sequence) || end < fromDay) continue;
            Occurrences.Add(new CatalogueOccurrence(sequence, label, start, end, calendar.AddWorkingDays(end, rules.For(Cadence)), end));
        }
    }

    /// <summary>The one occurrence of a standing line: the whole year, due the standing working days after it came into force.</summary>
    public static CatalogueOccurrence PlanStanding(int year, WorkingCalendar calendar, DueRules rules, DateOnly? inForceDay)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var anchor = inForceDay is { } day && day > start ? day : start;
        return new CatalogueOccurrence(1, PeriodLabel.StandingYear(year), start, end, calendar.AddWorkingDays(anchor, rules.Standing), anchor);
    }

    /// <summary>
    /// The due date <paramref name="calendar"/> and <paramref name="rules"/> give one of this item's occurrences: the same count
    /// from the same day as when it was planned (<see cref="PlanYear"/>, <see cref="PlanStanding"/>, <see cref="OpenPhase"/>,
    /// <see cref="RecordEvent"/>), so a new calendar or new settings move it exactly as planning under them would have.
    /// An occurrence planned before its starting day was kept counts from its period (a standing line from
    /// <paramref name="inForceDay"/>, the day the catalogue came into force).
    /// </summary>
    public DateOnly DueDateOf(CatalogueOccurrence occurrence, WorkingCalendar calendar, DueRules rules, DateOnly inForceDay)
    {
        var standing = Standing && PeriodLabel.Parse(occurrence.Label) is { Standing: true };
        var (from, days) = Cadence switch
        {
            Cadence.Phased when !standing => (occurrence.PeriodStart, rules.Phase),
            Cadence.Immediate when !standing => (occurrence.PeriodStart, rules.Immediate),
            _ when standing => (inForceDay > occurrence.PeriodStart ? inForceDay : occurrence.PeriodStart, rules.Standing),
            _ => (occurrence.PeriodEnd, rules.For(Cadence)),
        };
        return calendar.AddWorkingDays(occurrence.DueFrom ?? from, days);
    }

    /// <summary>The Secretary opens a phase of a phased item (e.g. 确定发展对象); it is due its working days later.</summary>
    public CatalogueOccurrence OpenPhase(int phaseIndex, DateOnly openedOn, DateOnly today, WorkingCalendar calendar, DueRules rules)
    {
        if (Cadence != Cadence.Phased) throw new DomainRuleException("CatalogueItem.NotPhased");
        if (IsRetired) throw new DomainRuleException("CatalogueItem.Retired");
        if (phaseIndex < 0 || phaseIndex >= Phases.Count) throw new DomainRuleException("CatalogueItem.PhaseUnknown");
        if (Occurrences.Any(o => o.Sequence == phaseIndex + 1)) throw new DomainRuleException("CatalogueItem.PhaseAlreadyOpen", Phases[phaseIndex]);
        // Phases follow one another (e.g. 确定入党积极分子 before 确定发展对象): the next opens only once the one before it has.
        if (phaseIndex > 0 && !Occurrences.Any(o => o.Sequence == phaseIndex))
            throw new DomainRuleException("CatalogueItem.PhaseOutOfOrder", Phases[phaseIndex], Phases[phaseIndex - 1]);
        if (openedOn > today) throw new DomainRuleException("CatalogueItem.DateInFuture");
        var occurrence = new CatalogueOccurrence(phaseIndex + 1, Phases[phaseIndex], openedOn, openedOn,
            calendar.AddWorkingDays(openedOn, rules.Phase), openedOn);
        Occurrences.Add(occurrence);
        // A new occurrence changes the item: two people opening the same phase at once conflict on the version.
        Version++;
        return occurrence;
    }

    /// <summary>
    /// The Secretary records that the event of an immediate item happened; it is due within its working days.
    /// An event is recorded after it happened (<paramref name="today"/> is the bureau's day): the deadline runs from a real day.
    /// </summary>
    public CatalogueOccurrence RecordEvent(string label, DateOnly eventDate, DateOnly today, WorkingCalendar calendar, DueRules rules)
    {
        if (Cadence != Cadence.Immediate) throw new DomainRuleException("CatalogueItem.NotImmediate");
        if (IsRetired) throw new DomainRuleException("CatalogueItem.Retired");
        if (string.IsNullOrWhiteSpace(label)) throw new DomainRuleException("CatalogueItem.EventLabelRequired");
        if (eventDate > today) throw new DomainRuleException("CatalogueItem.DateInFuture");
        var sequence = Occurrences.Count == 0 ? 1 : Occurrences.Max(o => o.Sequence) + 1;
        var occurrence = CatalogueOccurrence.ForEvent(sequence, label.Trim(), eventDate, calendar.AddWorkingDays(eventDate, rules.Immediate));
        Occurrences.Add(occurrence);
        Version++;
        return occurrence;
    }
}
