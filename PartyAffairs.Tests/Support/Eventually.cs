using System.Diagnostics;
using System.Globalization;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Waits for something another thread, a background service or a cache brings about, by looking again until it is
/// seen or the deadline passes; then fails saying what it waited for and what it last saw. Use it where no event or
/// task signals the change (Playwright's own waits are better in a browser).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Looks at <paramref name="observe"/> until <paramref name="accept"/> takes what it returns; returns that.</summary>
    /// <param name="describe">How to report the last value seen (by default its <c>ToString</c>, shortened).</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> observe, Func<T, bool> accept, TimeSpan deadline, string message, Func<T, string>? describe = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var seen = await observe();
            if (accept(seen)) return seen;
            var waited = Stopwatch.GetElapsedTime(started);
            if (waited > deadline)
            {
                throw new TimeoutException($"{message} — not seen within {deadline.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s; last saw: {(describe ?? Shorten)(seen)}");
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string message) =>
        ReturnsAsync(condition, seen => seen, deadline, message, _ => "still false");

    public static Task TrueAsync(Func<bool> condition, TimeSpan deadline, string message) =>
        TrueAsync(() => Task.FromResult(condition()), deadline, message);

    private static string Shorten<T>(T seen)
    {
        var text = seen switch
        {
            null => "null",
            string s => s,
            System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Take(20))}]",
            _ => seen.ToString() ?? "",
        };
        return text.Length <= 500 ? text : text[..500] + "…";
    }
}
