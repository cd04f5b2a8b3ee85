using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Applications;

/// <summary>An application made on /apply.</summary>
public sealed record ApplicationSubmission(int OrganizationId, Audience Scope, string Subject, string? Purpose, string? Name, string? Contact);

/// <summary>A paper application (letter, visit, phone) the Office registers.</summary>
public sealed record PaperApplicationRequest(int OrganizationId, ApplicationChannel Channel, DateOnly ReceivedOn, string Subject, string? Purpose,
    string? Name, string? Contact);

public sealed record AssignApplicationRequest(int ApplicationId, int ExpectedVersion, string AssigneeId);

public sealed record ExtendApplicationRequest(int ApplicationId, int ExpectedVersion, string Reason);

/// <summary>
/// The answer. A disclosure is linked by <see cref="DisclosureId"/> (one that exists) or drafted for it when
/// <see cref="DraftCategory"/> is given: an out-of-catalogue draft of the organization, which the drafters write and the
/// Office reviews as the rules say.
/// </summary>
public sealed record AnswerApplicationRequest(int ApplicationId, int ExpectedVersion, ApplicationOutcome Outcome, string Answer,
    string? Withheld, ApplicationRefusal? Refusal, string? RefusalText, int? DisclosureId, Category? DraftCategory);

/// <summary>What /apply and the thank-you page get back: the id and the 查询码, which exists in clear only here.</summary>
public sealed record ApplicationReceipt(int Id, string TrackingCode);
