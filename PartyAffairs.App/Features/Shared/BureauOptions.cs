namespace PartyAffairs.App.Features.Shared;

/// <summary>Facts about the bureau that an operator sets once in appsettings.json.</summary>
public sealed class BureauOptions
{
    public const string Section = "Bureau";

    /// <summary>IANA zone in which a day, a deadline and a start time are meant.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
