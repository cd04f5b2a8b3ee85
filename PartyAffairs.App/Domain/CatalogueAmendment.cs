using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>A change to a catalogue in force, approved the same way as the catalogue: Draft → Submitted → Approved (or a draft Discarded).</summary>
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
        Touch(WorkflowAction.Create, actor, utcNow, reason, to: State.ToString());
    }

    /// <summary>
    /// Open means still to be decided (a draft or submitted). A catalogue has at most one open amendment: two open at once
    /// could each be approved against an item the other already changed. Queries and the entity share this one rule.
    /// </summary>
    public static readonly Expression<Func<CatalogueAmendment, bool>> IsOpen =
        a => a.State == AmendmentState.Draft || a.State == AmendmentState.Submitted;

    private static readonly Func<CatalogueAmendment, bool> IsOpenCompiled = IsOpen.Compile();

    public bool Open => IsOpenCompiled(this);

    /// <summary>Opens an amendment of a catalogue unless one of <paramref name="others"/> (that catalogue's amendments) is still open.</summary>
    public static CatalogueAmendment Start(int catalogueId, string reason, IEnumerable<CatalogueAmendment> others, Actor actor, DateTime utcNow)
    {
        if (others.Any(a => a.CatalogueId == catalogueId && a.Open)) throw new DomainRuleException("Amendment.AlreadyOpen");
        return new CatalogueAmendment(catalogueId, reason, actor, utcNow);
    }

    protected override IEnumerable<AmendmentState> Next(AmendmentState from) => from switch
    {
        AmendmentState.Draft => [AmendmentState.Submitted, AmendmentState.Discarded],
        AmendmentState.Submitted => [AmendmentState.Draft, AmendmentState.Approved],
        _ => [],
    };

    public void AddChange(CatalogueAmendmentChange change)
    {
        if (State != AmendmentState.Draft) throw new DomainRuleException("Amendment.NotEditable");
        Changes.Add(change);
    }

    /// <summary>Takes one proposed change out of a draft; the audit names the change so the trail shows what was proposed and dropped.</summary>
    public void RemoveChange(int changeId, Actor actor, DateTime utcNow, string? description = null)
    {
        if (State != AmendmentState.Draft) throw new DomainRuleException("Amendment.NotEditable");
        var change = Changes.FirstOrDefault(c => c.Id == changeId) ?? throw new DomainRuleException("Amendment.ChangeNotFound");
        Changes.Remove(change);
        Touch(WorkflowAction.RemoveChange, actor, utcNow, description);
    }

    /// <summary>Drops a draft: it is kept as Discarded (never applied), which frees the catalogue for another amendment.</summary>
    public void Discard(Actor actor, DateTime utcNow, string? reason = null) => MoveTo(AmendmentState.Discarded, WorkflowAction.Discard, actor, utcNow, reason);

    public void Submit(Actor actor, DateTime utcNow)
    {
        if (Changes.Count == 0) throw new DomainRuleException("Amendment.Empty");
        MoveTo(AmendmentState.Submitted, WorkflowAction.Submit, actor, utcNow);
    }

    public void Reject(Actor actor, DateTime utcNow, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Review.CommentRequired");
        ReviewComment = comment.Trim();
        MoveTo(AmendmentState.Draft, WorkflowAction.Reject, actor, utcNow, comment);
    }

    /// <summary>Approved like the catalogue, by someone other than who drew it up: another Office member or a Leader.</summary>
    public void Approve(Actor actor, DateTime utcNow, string? comment = null)
    {
        if (actor.UserId == CreatedById) throw new DomainRuleException("Catalogue.OwnApproval");
        ReviewComment = comment;
        MoveTo(AmendmentState.Approved, WorkflowAction.Approve, actor, utcNow, comment);
    }
}
