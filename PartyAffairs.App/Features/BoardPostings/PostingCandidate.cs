namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>A Board-channel item on display on the chosen day, offered for a posting.</summary>
public sealed record PostingCandidate(int DisclosureId, string Title, string OrganizationName);
