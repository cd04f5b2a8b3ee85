namespace PartyAffairs.App.Domain;

/// <summary>The content of a disclosure as it was submitted: one row per submission, so reviewers and the archive see every version.</summary>
public sealed class DisclosureVersion
{
    public int Id { get; private set; }
    public int DisclosureId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public BodyFormat BodyFormat { get; private set; } = BodyFormat.Html;
    public Channel Channels { get; private set; }
    public Audience Audience { get; private set; }
    public DateTime DisplayFromUtc { get; private set; }
    public DateTime DisplayUntilUtc { get; private set; }
    public bool Important { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    private DisclosureVersion() { }

    internal DisclosureVersion(int number, Disclosure d, Actor actor, DateTime utcNow)
    {
        Number = number;
        Title = d.Title;
        Body = d.Body;
        BodyFormat = d.BodyFormat;
        Channels = d.Channels;
        Audience = d.Audience;
        DisplayFromUtc = d.DisplayFromUtc;
        DisplayUntilUtc = d.DisplayUntilUtc;
        Important = d.Important;
        CreatedById = actor.UserId;
        CreatedAtUtc = utcNow;
    }
}
