using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Data.Seeding;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Settings;

namespace PartyAffairs.App.Hosting;

public static class FeatureServices
{
    /// <summary>The services of the feature folders: a line each.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddSingleton<WorkingDayService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<SettingsService>();
        services.AddScoped<DisclosureReviewService>();
        services.AddScoped<ShellService>();
        services.AddScoped<HomeService>();
        return services;
    }
}
