using PartyAffairs.App.Components;
using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Data.Seeding;
using PartyAffairs.App.Features.Admin.Calendar;
using PartyAffairs.App.Features.Admin.Organizations;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Audit;
using PartyAffairs.App.Features.Backup;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Catalogues.Export;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Features.Catalogues.Amendments;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Home;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.MyWork;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Lifecycle;
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
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<DraftService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<DisclosureLifecycleService>();
        services.AddSingleton<DisplaySchedule>();
        services.AddHostedService<DisplayScheduleWorker>();
        services.AddScoped<OrganizationAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<CalendarAdminService>();
        services.AddScoped<ArchiveWriter>();
        services.AddScoped<ArchiveService>();
        services.AddSingleton<EnumLabels>();
        services.AddScoped<CatalogueQueryService>();
        services.AddScoped<CatalogueImportService>();
        services.AddScoped<CatalogueExportService>();
        services.AddScoped<CatalogueEditService>();
        services.AddScoped<AmendmentService>();
        services.AddScoped<DisclosureQueryService>();
        services.AddScoped<FeedbackQueryService>();
        services.AddScoped<ArchiveQueryService>();
        services.AddScoped<AssessmentQueryService>();
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardFeed>();
        services.AddScoped<ShellService>();
        services.AddScoped<HomeService>();
        services.AddScoped<ScheduleService>();
        services.AddSingleton<ScheduleExport>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWriter>());
        services.AddSingleton<OccurrenceReminder>();
        services.AddHostedService<OccurrenceReminderWorker>();
        services.AddScoped<NotificationService>();
        services.AddScoped<MyWorkService>();
        services.AddScoped<FeedbackDeadlines>();
        services.AddScoped<FeedbackSubmissionService>();
        services.AddScoped<FeedbackHandlingService>();
        services.AddSingleton<FeedbackReminder>();
        services.AddHostedService<FeedbackReminderWorker>();
        services.AddSingleton<ArchiveVerifier>();
        services.AddSingleton<ArchiveProblemText>();
        services.AddSingleton<ArchiveVerificationRecorder>();
        services.AddScoped<ArchiveVerificationService>();
        services.AddHostedService<ArchiveVerificationWorker>();
        services.AddSingleton<DataBackup>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<BoardService>();
        services.AddOutputCache(options => options.AddPolicy(BoardCachePolicy.Name, new BoardCachePolicy()));
        services.AddHostedService<BoardCacheInvalidator>();
        services.AddScoped<InspectionService>();
        services.AddSingleton<RectificationReminder>();
        services.AddHostedService<RectificationReminderWorker>();
        services.AddScoped<AnnualReportService>();
        return services;
    }
}
