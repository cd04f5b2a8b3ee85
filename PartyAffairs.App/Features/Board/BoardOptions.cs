namespace PartyAffairs.App.Features.Board;

/// <summary>How the public board is reached from outside (appsettings.json, section Board).</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>
    /// The address visitors reach the app at (e.g. https://dangwu.example.gov.cn/), from which the QR codes and printed
    /// links of the print view and the lobby screen are made. Empty: the address the request came in on, which a client
    /// chooses with its Host header — set it in every deployment.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";
}
