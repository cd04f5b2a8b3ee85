namespace PartyAffairs.App.Domain;

/// <summary>A change to a catalogue in force, approved the same way as the catalogue: Draft → Submitted → Approved.</summary>
public sealed class CatalogueAmendment : WorkflowEntity<AmendmentState>
{
    public int CatalogueId { get; private set; }
    public string Reason { get; private set; } = "";
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string? ReviewComment { get; private set; }
    public List<CatalogueAmendmentChange> Changes { get; private set; } = [];

    protected override int? AuditOrganizationId => null;

    private CatalogueAmendment() { }

    public CatalogueAmendment(int catalogueId, string reason, Actor actor, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Amendment.ReasonRequired");
        CatalogueId = catalogueId;
        Reason = reason.Trim();
        CreatedById = actor.UserId;
        CreatedAtUtc = utcNow;
        Touch("Create", actor, utcNow, reason, to: State.ToString());
    }

    protected override IEnumerable<AmendmentState> Next(AmendmentState from) => from switch
    {
        AmendmentState.Draft => [AmendmentState.Submitted],
        AmendmentState.Submitted => [AmendmentState.Draft, AmendmentState.Approved],
        _ => [],
    };

    public void AddChange(CatalogueAmendmentChange change)
    {
        if (State != AmendmentState.Draft) throw new DomainRuleException("Amendment.NotEditable");
        Changes.Add(change);
    }

    public void Submit(Actor actor, DateTime utcNow)
    {
        if (Changes.Count == 0) throw new DomainRuleException("Amendment.Empty");
        MoveTo(AmendmentState.Submitted, "Submit", actor, utcNow);
    }

    public void Reject(Actor actor, DateTime utcNow, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Review.CommentRequired");
        ReviewComment = comment.Trim();
        MoveTo(AmendmentState.Draft, "Reject", actor, utcNow, comment);
    }

    /// <summary>Approved like the catalogue, by someone other than who drew it up: another Office member or a Leader.</summary>
    public void Approve(Actor actor, DateTime utcNow, string? comment = null)
    {
        if (actor.UserId == CreatedById) throw new DomainRuleException("Catalogue.OwnApproval");
        ReviewComment = comment;
        MoveTo(AmendmentState.Approved, "Approve", actor, utcNow, comment);
    }
}
