using System.Globalization;

namespace PartyAffairs.App.Components;

/// <summary>
/// Turns a burst of signals (e.g. a bulk operation's live events) into one refresh after a quiet pause,
/// so a page reloads at most once per interval however many changes arrive. Signals that come while a
/// refresh runs schedule the next one. The refresh runs in the culture of the page that created the
/// throttle, not in that of whoever's change set it off (signals arrive on the writer's thread).
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, Func<Task> refresh) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;
    private int scheduled;

    public void Signal()
    {
        if (stopping.IsCancellationRequested || Interlocked.Exchange(ref scheduled, 1) == 1) return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(interval, stopping.Token);
            Volatile.Write(ref scheduled, 0);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            await refresh();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The page went away while waiting: nothing to refresh.
        }
    }

    // Cancelled but not disposed: a signal racing the page's disposal may still read the token.
    public void Dispose() => stopping.Cancel();
}
