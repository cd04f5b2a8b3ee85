namespace PartyAffairs.App.Domain;

/// <summary>
/// One proposed change in an amendment. The proposed item is kept as JSON so the reviewer can see it
/// as a diff against the item in force, and so it survives unchanged until approval applies it.
/// </summary>
public sealed class CatalogueAmendmentChange
{
    public int Id { get; private set; }
    public int CatalogueAmendmentId { get; private set; }
    public AmendmentChangeKind Kind { get; private set; }
    /// <summary>The item changed or retired; null when adding.</summary>
    public int? CatalogueItemId { get; private set; }
    public string? ProposedItemJson { get; private set; }

    private CatalogueAmendmentChange() { }

    public CatalogueAmendmentChange(AmendmentChangeKind kind, int? catalogueItemId, string? proposedItemJson)
    {
        if (kind != AmendmentChangeKind.Add && catalogueItemId is null) throw new DomainRuleException("Amendment.ItemRequired");
        if (kind != AmendmentChangeKind.Retire && string.IsNullOrWhiteSpace(proposedItemJson)) throw new DomainRuleException("Amendment.ProposalRequired");
        Kind = kind;
        CatalogueItemId = catalogueItemId;
        ProposedItemJson = proposedItemJson;
    }
}
