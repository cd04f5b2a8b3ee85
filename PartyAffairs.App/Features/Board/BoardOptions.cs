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

    /// <summary>
    /// Above this many organizations with items on display, <c>/board</c> navigates by organization (a directory, the
    /// newest items, an organization's board paged) instead of showing every item on one page; so do the print view's and
    /// the lobby screen's choosers. A bureau of six organizations (the demo) stays one page.
    /// </summary>
    public int OrganizationsOnOnePage { get; set; } = 12;

    /// <summary>Or above this many items on display, whatever the number of organizations: about 1 KB of HTML each.</summary>
    public int ItemsOnOnePage { get; set; } = 120;

    /// <summary>The newest items the board's front page shows at scale.</summary>
    public int RecentItems { get; set; } = 10;

    /// <summary>Items on a page of an organization's board or of search results at scale.</summary>
    public int PageSize { get; set; } = 30;

    /// <summary>Organizations on a page of the directory (about 100 bytes each).</summary>
    public int DirectoryPageSize { get; set; } = 500;
}
