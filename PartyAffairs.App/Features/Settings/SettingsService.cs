using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Settings;

/// <summary>Reads the settings for everyone; only the Admin or the Office changes them.</summary>
public sealed class SettingsService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes,
    FluentValidation.IValidator<AppSettings> validator)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AppSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var defaults = new AppSettings();
        return new AppSettings
        {
            OfficeApprovesEverything = Read(stored, nameof(AppSettings.OfficeApprovesEverything), defaults.OfficeApprovesEverything),
            ImmediateDueWorkingDays = Read(stored, nameof(AppSettings.ImmediateDueWorkingDays), defaults.ImmediateDueWorkingDays),
            RegularDueWorkingDays = Read(stored, nameof(AppSettings.RegularDueWorkingDays), defaults.RegularDueWorkingDays),
            FeedbackStepWorkingDays = Read(stored, nameof(AppSettings.FeedbackStepWorkingDays), defaults.FeedbackStepWorkingDays),
            AttachmentMaxMegabytes = Read(stored, nameof(AppSettings.AttachmentMaxMegabytes), defaults.AttachmentMaxMegabytes),
            SensitiveWords = Read(stored, nameof(AppSettings.SensitiveWords), defaults.SensitiveWords),
        };
    }

    public Task<Result> SaveAsync(AppSettings settings, CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Admin, Roles.Office));
        await Outcomes.ValidateAsync(validator, settings, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.ToDictionaryAsync(s => s.Key, cancellationToken);
        void Put(string key, object value)
        {
            var text = JsonSerializer.Serialize(value, Json);
            if (stored.TryGetValue(key, out var setting)) setting.Set(text, actor, clock.UtcNow);
            else db.Settings.Add(new Setting(key, text, actor, clock.UtcNow));
        }
        Put(nameof(AppSettings.OfficeApprovesEverything), settings.OfficeApprovesEverything);
        Put(nameof(AppSettings.ImmediateDueWorkingDays), settings.ImmediateDueWorkingDays);
        Put(nameof(AppSettings.RegularDueWorkingDays), settings.RegularDueWorkingDays);
        Put(nameof(AppSettings.FeedbackStepWorkingDays), settings.FeedbackStepWorkingDays);
        Put(nameof(AppSettings.AttachmentMaxMegabytes), settings.AttachmentMaxMegabytes);
        Put(nameof(AppSettings.SensitiveWords), settings.SensitiveWords.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList());
        await db.SaveChangesAsync(cancellationToken);
    });

    private static T Read<T>(Dictionary<string, string> stored, string key, T fallback) =>
        stored.TryGetValue(key, out var text) ? JsonSerializer.Deserialize<T>(text, Json) ?? fallback : fallback;
}
