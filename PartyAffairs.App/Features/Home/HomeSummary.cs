namespace PartyAffairs.App.Features.Home;

/// <summary>The home page of one person: a section for each of their roles, null where they do not hold it.</summary>
public sealed record HomeSummary(
    string DisplayName,
    string? OrganizationName,
    DateOnly Today,
    SecretaryHome? Secretary,
    DrafterHome? Drafter,
    OfficeHome? Office,
    LeaderHome? Leader,
    FeedbackHandlerHome? FeedbackHandler,
    MemberHome? Member,
    AdminHome? Admin)
{
    public bool HasAnySection =>
        Secretary is not null || Drafter is not null || Office is not null || Leader is not null
        || FeedbackHandler is not null || Member is not null || Admin is not null;
}
