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
    // LEVEL_MEASUREMENT
    public const CompressionLevel Level = CompressionLevel.Fastest;

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
