using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing;

public sealed record ApprovalRow(string ReviewerName, ApprovalDecision Decision, string? Comment, bool ConfidentialityConfirmed,
    bool ApprovedOwnItem, DateTime AtUtc, string? ReviewerPost = null);
