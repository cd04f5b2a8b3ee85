namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>Someone to pick: an assignee who may handle the feedback, or a leader to report it to.</summary>
public sealed record PersonOption(string Id, string Name);
