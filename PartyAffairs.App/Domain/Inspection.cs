namespace PartyAffairs.App.Domain;

/// <summary>An inspection of one organization's disclosure work by the Office (监督、检查, §6(四)), on five criteria.</summary>
public sealed class Inspection
{
    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Inspectors { get; private set; } = "";
    /// <summary>内容全面真实.</summary>
    public InspectionFinding ContentComplete { get; private set; }
    /// <summary>形式有效.</summary>
    public InspectionFinding FormEffective { get; private set; }
    /// <summary>程序规范.</summary>
    public InspectionFinding ProcedureRegular { get; private set; }
    /// <summary>公开及时.</summary>
    public InspectionFinding Timely { get; private set; }
    /// <summary>反馈落实.</summary>
    public InspectionFinding FeedbackAnswered { get; private set; }
    public string? Notes { get; private set; }
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public List<Rectification> Rectifications { get; private set; } = [];

    private Inspection() { }

    public Inspection(int organizationId, DateOnly date, string inspectors, InspectionFinding contentComplete,
        InspectionFinding formEffective, InspectionFinding procedureRegular, InspectionFinding timely,
        InspectionFinding feedbackAnswered, string? notes, Actor actor, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(inspectors)) throw new DomainRuleException("Inspection.InspectorsRequired");
        OrganizationId = organizationId;
        Date = date;
        Inspectors = inspectors.Trim();
        ContentComplete = contentComplete;
        FormEffective = formEffective;
        ProcedureRegular = procedureRegular;
        Timely = timely;
        FeedbackAnswered = feedbackAnswered;
        Notes = notes;
        RecordedById = actor.UserId;
        RecordedAtUtc = utcNow;
    }

    /// <summary>A rectification found after the inspection was recorded; due no earlier than the inspection, audited as added.</summary>
    public Rectification AddRectification(string what, string ownerId, string ownerName, DateOnly dueDate, Actor actor, DateTime utcNow)
    {
        if (dueDate < Date) throw new DomainRuleException("Rectification.DueBeforeInspection");
        var rectification = new Rectification(OrganizationId, what, ownerId, ownerName, dueDate);
        rectification.Added(actor, utcNow);
        Rectifications.Add(rectification);
        return rectification;
    }
}
