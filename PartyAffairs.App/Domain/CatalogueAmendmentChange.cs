namespace PartyAffairs.App.Domain;

/// <summary>
/// One proposed change in an amendment. The proposed item is kept as JSON so the reviewer can see it
/// as a diff against the item in force, and so it survives unchanged until approval applies it. The item as it was
/// (<see cref="BeforeItemJson"/>) is kept too: once approved, the item in force holds the new values, and the old ones
/// would otherwise be lost from the amendment's record.
/// </summary>
public sealed class CatalogueAmendmentChange
{
    public int Id { get; private set; }
    public int CatalogueAmendmentId { get; private set; }
    public AmendmentChangeKind Kind { get; private set; }
    /// <summary>The item changed or retired; null when adding.</summary>
    public int? CatalogueItemId { get; private set; }
    public string? ProposedItemJson { get; private set; }
    /// <summary>The changed or retired item as it stood (JSON); null when adding, and for changes approved before it was kept.</summary>
    public string? BeforeItemJson { get; private set; }

    private CatalogueAmendmentChange() { }

    public CatalogueAmendmentChange(AmendmentChangeKind kind, int? catalogueItemId, string? proposedItemJson, string? beforeItemJson = null)
    {
        if (kind != AmendmentChangeKind.Add && catalogueItemId is null) throw new DomainRuleException("Amendment.ItemRequired");
        if (kind != AmendmentChangeKind.Retire && string.IsNullOrWhiteSpace(proposedItemJson)) throw new DomainRuleException("Amendment.ProposalRequired");
        Kind = kind;
        CatalogueItemId = catalogueItemId;
        ProposedItemJson = proposedItemJson;
        BeforeItemJson = kind == AmendmentChangeKind.Add ? null : beforeItemJson;
    }

    /// <summary>Records the item as it stands when the change is approved: the values the reviewer compared against.</summary>
    public void RecordBefore(string beforeItemJson)
    {
        if (Kind == AmendmentChangeKind.Add) throw new DomainRuleException("Amendment.ItemRequired");
        BeforeItemJson = beforeItemJson;
    }
}
