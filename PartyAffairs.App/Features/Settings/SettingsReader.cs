using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Settings;

/// <summary>
/// Reads the settings for everyone, through <see cref="SettingsCache"/>: a singleton, so background work (the display
/// schedule, reminders) reads the same values as the circuits. Changing them is <see cref="SettingsService"/>'s.
/// </summary>
public sealed class SettingsReader(IDbContextFactory<AppDbContext> dbFactory, SettingsCache cache)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every settable property of AppSettings is one row, keyed by its name, its value as JSON.
    internal static readonly System.Reflection.PropertyInfo[] Stored =
        typeof(AppSettings).GetProperties().Where(p => p.CanWrite).ToArray();

    public async Task<AppSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(out var generation) is { } cached) return cached;
        var settings = await ReadAsync(cancellationToken);
        cache.Store(settings, generation);
        return settings;
    }

    private async Task<AppSettings> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var settings = new AppSettings();
        foreach (var property in Stored)
        {
            if (stored.TryGetValue(property.Name, out var text) && JsonSerializer.Deserialize(text, property.PropertyType, Json) is { } value)
                property.SetValue(settings, value);
        }
        return settings;
    }
}
