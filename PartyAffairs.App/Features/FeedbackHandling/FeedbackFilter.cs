using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// What the feedback list narrows by: a state, an organization, only what is past its step deadline, only what was
/// reported to the person asking and awaits their acknowledgement, or only what is not closed yet. Then one page of it, in the
/// order of <see cref="SortBy"/> (a <see cref="FeedbackRow"/> property name; newest received first when null).
/// </summary>
public sealed record FeedbackFilter(FeedbackState? State = null, int? OrganizationId = null, bool LateOnly = false, bool AwaitingMe = false,
    bool OpenOnly = false, int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false);
