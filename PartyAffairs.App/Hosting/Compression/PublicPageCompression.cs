using System.IO.Compression;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;
using PartyAffairs.App.Features.Board;

namespace PartyAffairs.App.Hosting.Compression;

/// <summary>Brotli, then gzip, for the anonymous public pages (the board and the guide); see <see cref="PublicPageCompressionProvider"/>.</summary>
public static class PublicPageCompression
{
    // Measured on a 1.75 MB board built from the generated city's items (2,000 organizations, 300,000 disclosures), in
    // 16 KB writes as the page is flushed, on the shared 2-core machine under load (best of 10): Brotli Fastest 166 KB
    // in 3 ms, Optimal 60 KB in 4 ms; gzip Fastest 116 KB in 2 ms, Optimal 74 KB in 5 ms. Optimal: Brotli's quality 1
    // is a poor trade, and each hit costs a few ms per MB (the output cache keeps the page plain; every hit is compressed).
    public const CompressionLevel Level = CompressionLevel.Optimal;

    public static IServiceCollection AddPublicPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS only because PublicPageCompressionProvider refuses every response that could carry a secret.
            options.EnableForHttps = true;
            // In this order: the framework takes the first of equally acceptable encodings.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = Level);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = Level);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, PublicPageCompressionProvider>());
        DecorateAntiforgery(services);
        return services;
    }

    /// <summary>Outside the output cache: it keeps each page as rendered, and every response, fresh or cached, is
    /// compressed for what its own client accepts, so an entry is never served compressed to a client that did not ask.</summary>
    public static void UsePublicPageCompression(this WebApplication app)
    {
        // The framework adds Vary only when the request asked for an encoding; a shared cache in front must know that
        // these pages differ by it even when it stored the plain one first.
        app.Use(static (http, next) =>
        {
            if (BoardCachePolicy.IsSharedPage(http.GetEndpoint())) http.Response.OnStarting(AddVary, http.Response);
            return next(http);
        });
        app.UseResponseCompression();
    }

    private static Task AddVary(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        if (!headers.GetCommaSeparatedValues(HeaderNames.Vary).Contains(HeaderNames.AcceptEncoding, StringComparer.OrdinalIgnoreCase))
        {
            headers.Vary = Microsoft.Extensions.Primitives.StringValues.Concat(headers.Vary, HeaderNames.AcceptEncoding);
        }
        return Task.CompletedTask;
    }

    private static void DecorateAntiforgery(IServiceCollection services)
    {
        services.AddAntiforgery();
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.AddSingleton<IAntiforgery>(sp => new TokenMarkingAntiforgery(original.ImplementationType is { } type
            ? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)
            : original.ImplementationFactory is { } factory
                ? (IAntiforgery)factory(sp)
                : (IAntiforgery)original.ImplementationInstance!));
    }
}
