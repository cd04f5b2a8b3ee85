namespace PartyAffairs.App.Hosting.Security;

/// <summary>How many sign-in posts one client address may send per window (root appsettings.json, section "SignIn").</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}
