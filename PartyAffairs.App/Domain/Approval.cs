namespace PartyAffairs.App.Domain;

/// <summary>A reviewer's decision on a disclosure, kept with the disclosure and frozen into its archive record.</summary>
public sealed class Approval
{
    public int Id { get; private set; }
    public int DisclosureId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public string ReviewerName { get; private set; } = "";
    public ApprovalDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    /// <summary>保密审查: the reviewer confirmed nothing secret goes out (§2(三)).</summary>
    public bool ConfidentialityConfirmed { get; private set; }
    /// <summary>A Secretary approved an item of their own, as the seed allows for in-catalogue items.</summary>
    public bool ApprovedOwnItem { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary>The post she reviewed in (<see cref="Post.Key"/>), e.g. <c>Secretary@12</c> or <c>Office</c>; null before posts were kept.</summary>
    public string? ReviewerPost { get; private set; }

    private Approval() { }

    internal Approval(Actor reviewer, int organizationId, ApprovalDecision decision, string? comment, bool confidentialityConfirmed, bool approvedOwnItem,
        DateTime atUtc)
    {
        ReviewerId = reviewer.UserId;
        ReviewerName = reviewer.DisplayName;
        ReviewerPost = reviewer.PostFor(organizationId)?.Key;
        Decision = decision;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ConfidentialityConfirmed = confidentialityConfirmed;
        ApprovedOwnItem = approvedOwnItem;
        AtUtc = atUtc;
    }
}
