using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>Feedback that came by letter, phone, visit, meeting or the mailbox; <see cref="ReceivedOn"/> is the bureau's date.</summary>
public sealed record OfflineFeedbackRequest(int DisclosureId, FeedbackChannel Channel, DateOnly ReceivedOn, string Content, string? Name, string? Contact);
