using PartyAffairs.App.Data.Seeding;
using PartyAffairs.App.Features.Admin.Calendar;
using PartyAffairs.App.Features.Admin.Organizations;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Calendar;
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
        services.AddSingleton<DisplaySchedule>();
        services.AddHostedService<DisplayScheduleWorker>();
        services.AddScoped<OrganizationAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<CalendarAdminService>();
        services.AddScoped<ArchiveWriter>();
        services.AddScoped<ArchiveService>();
        return services;
    }
}
