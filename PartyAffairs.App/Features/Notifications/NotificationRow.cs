namespace PartyAffairs.App.Features.Notifications;

/// <summary>One notification as the bell lists it.</summary>
public sealed record NotificationRow(int Id, string Title, string? Body, string? Link, DateTime CreatedAtUtc, bool IsRead);
