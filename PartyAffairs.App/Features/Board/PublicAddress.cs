using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// Absolute addresses of the app's pages for what leaves the screen (QR codes, printed links): from
/// <see cref="BoardOptions.PublicBaseUrl"/> when set, so a forged Host header cannot put its own site on a printed sheet.
/// </summary>
public sealed class PublicAddress(IOptions<BoardOptions> options, NavigationManager navigation)
{
    public string Of(string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured) ? new Uri(navigation.BaseUri) : new Uri(configured.TrimEnd('/') + "/");
        return new Uri(root, path.TrimStart('/')).ToString();
    }

    /// <summary>A configured address must be an absolute http(s) address; checked at start-up.</summary>
    public static bool IsValid(BoardOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
        || (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
