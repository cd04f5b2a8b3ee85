namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>A recorded posting as the list shows it, with the titles of the items it carried.</summary>
public sealed record BoardPostingRow(int Id, int OrganizationId, string OrganizationName, DateOnly PostedOn, string Location,
    string RecordedByName, DateTime RecordedAtUtc, IReadOnlyList<string> ItemTitles);
