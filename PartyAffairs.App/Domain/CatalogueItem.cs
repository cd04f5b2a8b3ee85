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
    public int Version { get; private set; }
    public List<CatalogueOccurrence> Occurrences { get; private set; } = [];

    private CatalogueItem() { }

    public CatalogueItem(int organizationId, Category category, string title, string description, Channel channels,
        Audience audience, Cadence cadence, bool standing, string responsiblePerson, IEnumerable<string>? phases = null)
    {
        OrganizationId = organizationId;
        Update(category, title, description, channels, audience, cadence, standing, responsiblePerson, phases);
        Version = 0;
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

    public void Retire()
    {
        IsRetired = true;
        Version++;
    }

    /// <summary>
    /// The periods a regular item is due for in a year, and one slot per phase for a phased item.
    /// Immediate items get an occurrence only when the event happens (<see cref="CatalogueOccurrence.ForEvent"/>).
    /// </summary>
    public IEnumerable<(int Sequence, string Label, DateOnly PeriodStart, DateOnly PeriodEnd)> PlanPeriods(int year)
    {
        var start = new DateOnly(year, 1, 1);
        switch (Cadence)
        {
            case Cadence.Monthly:
                for (var m = 1; m <= 12; m++)
                    yield return (m, $"{year}-{m:00}", new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1).AddDays(-1));
                break;
            case Cadence.Quarterly:
                for (var q = 1; q <= 4; q++)
                    yield return (q, $"{year}-Q{q}", start.AddMonths((q - 1) * 3), start.AddMonths(q * 3).AddDays(-1));
                break;
            case Cadence.HalfYearly:
                for (var h = 1; h <= 2; h++)
                    yield return (h, $"{year}-H{h}", start.AddMonths((h - 1) * 6), start.AddMonths(h * 6).AddDays(-1));
                break;
            case Cadence.Yearly:
                yield return (1, $"{year}", start, new DateOnly(year, 12, 31));
                break;
            case Cadence.Phased:
                for (var i = 0; i < Phases.Count; i++)
                    yield return (i + 1, Phases[i], start, new DateOnly(year, 12, 31));
                break;
        }
    }
}
