namespace PartyAffairs.App.Domain;

/// <summary>Something an inspection found that its owner must put right by a date (整改).</summary>
public sealed class Rectification : WorkflowEntity<RectificationState>
{
    public int InspectionId { get; private set; }
    public int OrganizationId { get; private set; }
    public string What { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public string? Outcome { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }

    protected override int? AuditOrganizationId => OrganizationId;

    private Rectification() { }

    public Rectification(int organizationId, string what, string ownerId, string ownerName, DateOnly dueDate)
    {
        if (string.IsNullOrWhiteSpace(what)) throw new DomainRuleException("Rectification.WhatRequired");
        if (string.IsNullOrWhiteSpace(ownerId)) throw new DomainRuleException("Rectification.OwnerRequired");
        OrganizationId = organizationId;
        What = what.Trim();
        OwnerId = ownerId;
        OwnerName = ownerName;
        DueDate = dueDate;
    }

    protected override IEnumerable<RectificationState> Next(RectificationState from) => from switch
    {
        RectificationState.Open => [RectificationState.Done],
        _ => [],
    };

    /// <summary>Audits an item added to an inspection already recorded.</summary>
    internal void Added(Actor actor, DateTime utcNow) => Touch(WorkflowAction.Add, actor, utcNow, What, to: State.ToString());

    /// <summary>See <see cref="RectificationRules.OverdueOn"/>.</summary>
    public bool IsOverdue(DateOnly today) => RectificationRules.IsOverdue(State, DueDate, today);

    public void Complete(Actor actor, DateTime utcNow, string outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome)) throw new DomainRuleException("Rectification.OutcomeRequired");
        MoveTo(RectificationState.Done, WorkflowAction.Complete, actor, utcNow, outcome);
        Outcome = outcome.Trim();
        DoneAtUtc = utcNow;
    }
}
