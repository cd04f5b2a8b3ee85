namespace PartyAffairs.App.Domain;

/// <summary>One setting the Admin or Office changes at run time, stored as text under a well-known key.</summary>
public sealed class Setting
{
    public string Key { get; private set; } = "";
    public string Value { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public string? UpdatedById { get; private set; }

    private Setting() { }

    public Setting(string key, string value, Actor actor, DateTime utcNow)
    {
        Key = key;
        Set(value, actor, utcNow);
    }

    public void Set(string value, Actor actor, DateTime utcNow)
    {
        Value = value;
        UpdatedAtUtc = utcNow;
        UpdatedById = actor.UserId;
    }
}
