using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Components.Account;
using PartyAffairs.App.Components.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Hosting.Circuits;
using PartyAffairs.App.Hosting.Compression;
using PartyAffairs.App.Hosting.Security;

namespace PartyAffairs.App.Hosting;

public static class ServiceRegistration
{
    /// <summary>Everything the app registers, in one place, so the tests build the same container as Program.cs.</summary>
    public static IServiceCollection AddPartyAffairs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = StorageOptions.ResolveDataDirectory(configuration, environment.ContentRootPath);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.DataDirectory = dataDirectory);
        services.Configure<BureauOptions>(configuration.GetSection(BureauOptions.Section));
        services.AddOptions<BoardOptions>().Bind(configuration.GetSection(BoardOptions.Section))
            .Validate(PublicAddress.IsValid, "Board:PublicBaseUrl must be an absolute http(s) address such as https://dangwu.example.gov.cn/.")
            .ValidateOnStart();
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BureauClock>();
        services.AddSingleton<LiveEventStream>();

        services.AddPartyAffairsDatabase(configuration);
        var database = DatabaseOptions.From(configuration);
        services.Configure<JobLeaseOptions>(configuration.GetSection(JobLeaseOptions.Section));
        if (database.IsPostgreSql)
        {
            // Before the jobs: the host starts it first and stops it last, after the jobs have stopped.
            services.AddSingleton<PostgresJobLease>();
            services.AddSingleton<JobLease>(sp => sp.GetRequiredService<PostgresJobLease>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresJobLease>());
        }
        else
        {
            services.AddSingleton<JobLease, SingleNodeLease>();
        }

        // Keys live with the data, so sign-in cookies and antiforgery tokens survive a restart; on PostgreSQL that is the shared
        // database, so a cookie one node made is read by every other (the first key is made under the initializer's lock).
        var dataProtection = services.AddDataProtection().SetApplicationName("PartyAffairs");
        if (database.IsPostgreSql) dataProtection.PersistKeysToDbContext<PostgresAppDbContext>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        services.AddRazorComponents().AddInteractiveServerComponents().AddCircuitLimits(configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<PostClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // How soon a changed security stamp (password reset, role change, disabled account, sign-out everywhere) ends a
        // cookie and a live window: the framework's 30 minutes left a reset person's sessions open for half an hour.
        var stampInterval = configuration.GetValue<TimeSpan?>(SessionSettings.StampValidationInterval) ?? SessionSettings.DefaultStampValidationInterval;
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = stampInterval);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurity.PolicyFor(environment);
            // On the sign-in page the handler follows ?ReturnUrl= by its own looser test (a tab or a non-ASCII character
            // got through, the latter as a 500); it follows the app's one rule instead.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
        });

        services.AddLocalization();
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        // Chinese characters as characters, not &#x..; entities (half the bytes, readable source).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        services.AddValidatorsFromAssemblyContaining<AppDbContext>(ServiceLifetime.Singleton);

        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<Outcomes>();
        services.AddTransient<PageCommand>();
        services.AddScoped<DatabaseInitializer>();
        services.AddFeatureServices();
        services.AddFeedbackRateLimiting(configuration);
        services.AddSignInRateLimiting(configuration);
        services.AddForwardedHeadersFromKnownProxies(configuration);
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurity.PolicyFor(environment));
        services.AddPublicPageCompression();
        return services;
    }
}
