namespace PartyAffairs.App.Domain;

/// <summary>A message to one user inside the app: something waits for them or changed.</summary>
public sealed class Notification
{
    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string Title { get; private set; } = "";
    public string? Body { get; private set; }
    /// <summary>App-relative link to what it is about.</summary>
    public string? Link { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    private Notification() { }

    public Notification(string userId, string title, string? body, string? link, DateTime utcNow)
    {
        UserId = userId;
        Title = title;
        Body = body;
        Link = link;
        CreatedAtUtc = utcNow;
    }

    public void MarkRead(DateTime utcNow) => ReadAtUtc ??= utcNow;
}
