using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Settings;

/// <summary>Reads the settings for everyone (through <see cref="SettingsCache"/>); only the Admin or the Office changes them.</summary>
public sealed class SettingsService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, BureauClock clock, Outcomes outcomes,
    FluentValidation.IValidator<AppSettings> validator, SettingsCache cache, SettingsReader reader)
{

    public Task<AppSettings> GetAsync(CancellationToken cancellationToken = default) => reader.GetAsync(cancellationToken);

    public Task<Result> SaveAsync(AppSettings settings, CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Admin, Roles.Office));
        await Outcomes.ValidateAsync(validator, settings, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.ToDictionaryAsync(s => s.Key, cancellationToken);
        var cleaned = settings with { SensitiveWords = settings.SensitiveWords.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList() };
        foreach (var property in SettingsReader.Stored)
        {
            var text = JsonSerializer.Serialize(property.GetValue(cleaned), property.PropertyType, SettingsReader.Json);
            if (stored.TryGetValue(property.Name, out var setting)) setting.Set(text, actor, clock.UtcNow);
            else db.Settings.Add(new Setting(property.Name, text, actor, clock.UtcNow));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // Also after a failure: whether it committed is then unknown, and the next read finds out.
            cache.Invalidate();
        }
    });

}
