namespace PartyAffairs.App.Hosting.Seeding;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On a first start with an empty database, seed the bureau of the source document with demo users and data.</summary>
    public bool Seed { get; set; }

    /// <summary>The one password every demo user has (printed in the README).</summary>
    public string Password { get; set; } = "Demo@2026";
}
