namespace PartyAffairs.App.Features.Archive;

/// <summary>The year-end list's year of closing (null: every year) and one page of it.</summary>
public sealed record ReadyFilter(int? Year = null, int Page = 0, int PageSize = 25);
