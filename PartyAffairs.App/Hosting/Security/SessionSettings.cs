namespace PartyAffairs.App.Hosting.Security;

/// <summary>The setting that bounds how long a session outlives a change to the person's account.</summary>
public static class SessionSettings
{
    public const string StampValidationInterval = "Security:StampValidationInterval";

    public static readonly TimeSpan DefaultStampValidationInterval = TimeSpan.FromMinutes(1);
}
