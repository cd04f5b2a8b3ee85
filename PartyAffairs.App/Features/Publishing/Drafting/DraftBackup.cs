namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>The title and body this browser kept of a draft (DraftPage.razor.js); <see cref="At"/> in milliseconds since 1970, UTC.</summary>
public sealed record DraftBackup(string Title, string Body, long At)
{
    public DateTime AtUtc => DateTimeOffset.FromUnixTimeMilliseconds(At).UtcDateTime;
}
