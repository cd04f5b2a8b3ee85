using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Features.Board;

namespace PartyAffairs.App.Hosting.Compression;

/// <summary>
/// The framework's choice of encoding, with one more condition on whether to compress at all (BREACH: compressing a
/// secret beside text an attacker can reflect leaks the secret through the compressed length). Decided per response,
/// on its first write: the request is an anonymous GET/HEAD, its endpoint is a page the board's output cache shares
/// between anonymous visitors (so by design it holds nothing of one person), and no antiforgery token was handed out
/// while it rendered. Anything else (a signed-in response, a page with a form, a static asset) goes as it is.
/// </summary>
public sealed class PublicPageCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
{
    private readonly ResponseCompressionProvider inner = new(services, options);

    public static bool Allows(HttpContext http) =>
        BoardCachePolicy.IsAnonymousRead(http)
        && BoardCachePolicy.IsSharedPage(http.GetEndpoint())
        && !TokenMarkingAntiforgery.TokenIssued(http);

    public bool ShouldCompressResponse(HttpContext context) => Allows(context) && inner.ShouldCompressResponse(context);

    public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
}
