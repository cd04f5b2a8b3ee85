namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>One page of 我的反馈; <see cref="OpenOnly"/> leaves out what is closed.</summary>
public sealed record MyFeedbackQuery(bool OpenOnly = false, int Page = 0, int PageSize = 10);
