namespace PartyAffairs.App.Features.Settings;

/// <summary>
/// The settings as last read, shared by every circuit: nearly every workflow call consults them and only
/// <see cref="SettingsService.SaveAsync"/> changes them, which drops this copy once its transaction has committed.
/// </summary>
public sealed class SettingsCache
{
    private readonly Lock gate = new();
    private AppSettings? current;
    private long generation;

    /// <summary>The cached settings, or null with the generation to hand back to <see cref="Store"/> after reading them.</summary>
    public AppSettings? TryGet(out long readGeneration)
    {
        lock (gate)
        {
            readGeneration = generation;
            return current;
        }
    }

    /// <summary>Keeps what was read, unless a save committed since the read began (that copy may predate the save).</summary>
    public void Store(AppSettings settings, long readGeneration)
    {
        lock (gate)
        {
            if (readGeneration == generation) current = settings;
        }
    }

    public void Invalidate()
    {
        lock (gate)
        {
            generation++;
            current = null;
        }
    }
}
