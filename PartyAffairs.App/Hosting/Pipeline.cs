using System.Globalization;
using Microsoft.AspNetCore.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Components.Account;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Admin.Users.Import;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Catalogues.Export;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Hosting.Security;
using PartyAffairs.App.Hosting.Compression;

namespace PartyAffairs.App.Hosting;

public static class Pipeline
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public static void UsePartyAffairs(this WebApplication app)
    {
        app.UseForwardedHeadersFromKnownProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSameOriginCircuits();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Chinese first; a person's choice travels in the culture cookie. A circuit keeps the culture
        // it started with, so switching language goes through /culture/set and reloads the page.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        // After authentication (the host adds it first) and before anything renders or a file is sent (the output cache too).
        app.UseMustChangePassword();
        // After localization, so a refused feedback post is told in the visitor's language.
        app.UseRateLimiter();
        app.UseFeedbackFormRefusals();
        // Outside the output cache (PublicPageCompression), so cached pages are compressed per client, never stored compressed.
        app.UsePublicPageCompression();
        // After authentication (the host adds it first) and localization: the board's cache policy reads who asks and in which language.
        app.UseOutputCache();
        app.UseUnreadableFormRefusal();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        ThemeStylesheet.Map(app);
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            // Only local paths: never an open redirect, and a refused value goes home rather than to a 500.
            return Results.LocalRedirect(LocalUrl.OrHome(redirectUri));
        });
        app.MapScheduleFiles();
        app.MapCatalogueFiles();
        app.MapMemberFiles();
        app.MapAttachmentFiles();
        PartyAffairs.App.Features.BoardPostings.BoardPostingEndpoints.MapBoardPostingPhotos(app);
        app.MapArchiveFiles();
        app.MapAnnualReportFiles();
        // The frame-ancestors rule is part of the app's one policy (SecurityHeaders); the framework's second header would only repeat it.
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
    }
}
