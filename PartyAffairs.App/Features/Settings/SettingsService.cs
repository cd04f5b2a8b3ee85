using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Settings;

/// <summary>
/// Reads the settings for everyone (through <see cref="SettingsCache"/>); only the Admin or the Office changes them. A change
/// of the due-day settings recounts every occurrence not yet fulfilled (<see cref="DueDateRecomputation"/>) in the same save;
/// <see cref="PreviewDueMovesAsync"/> shows those moves before it.
/// </summary>
public sealed class SettingsService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes,
    FluentValidation.IValidator<AppSettings> validator, SettingsCache cache, SettingsReader reader,
    WorkingDayService workingDays, DueDateRecomputation recomputation, NotificationSignal signal,
    IOutputCacheStore? outputCache = null)
{

    public Task<AppSettings> GetAsync(CancellationToken cancellationToken = default) => reader.GetAsync(cancellationToken);

    /// <summary>The due dates saving <paramref name="settings"/> would move (none when its due-day settings are the stored ones); saves nothing.</summary>
    public Task<Result<IReadOnlyList<DueDateMove>>> PreviewDueMovesAsync(AppSettings settings, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<DueDateMove>>(async () =>
        {
            await EnsureAllowedAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, settings, cancellationToken);
            if (settings.DueRules == (await reader.GetAsync(cancellationToken)).DueRules) return [];
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await recomputation.PreviewAsync(db, await workingDays.GetCalendarAsync(cancellationToken), settings.DueRules, cancellationToken);
        });

    public Task<Result> SaveAsync(AppSettings settings, CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await EnsureAllowedAsync(cancellationToken);
        await Outcomes.ValidateAsync(validator, settings, cancellationToken);
        var rulesChanged = settings.DueRules != (await reader.GetAsync(cancellationToken)).DueRules;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.ToDictionaryAsync(s => s.Key, cancellationToken);
        var cleaned = settings with { SensitiveWords = settings.SensitiveWords.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList() };
        foreach (var property in SettingsReader.Stored)
        {
            var text = JsonSerializer.Serialize(property.GetValue(cleaned), property.PropertyType, SettingsReader.Json);
            if (stored.TryGetValue(property.Name, out var setting)) setting.Set(text, actor, clock.UtcNow);
            else db.Settings.Add(new Setting(property.Name, text, actor, clock.UtcNow));
        }
        IReadOnlyList<string> notified = [];
        if (rulesChanged)
        {
            var calendar = await workingDays.GetCalendarAsync(cancellationToken);
            (_, notified) = await recomputation.ApplyAsync(db, calendar, settings.DueRules, actor, DueDateRecomputation.SettingsReason, only: null, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Raise(notified);
            // The public guide shows the contacts and time limits.
            if (outputCache is not null) await outputCache.EvictByTagAsync(BoardCachePolicy.Tag, CancellationToken.None);
        }
        finally
        {
            // Also after a failure: whether it committed is then unknown, and the next read finds out.
            cache.Invalidate();
        }
    });

    private async Task<Actor> EnsureAllowedAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Admin, Roles.Office));
        return actor;
    }
}
