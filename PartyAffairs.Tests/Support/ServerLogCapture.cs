using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// Keeps the test server's log entries of Warning and above in memory, so a browser test can fail on an error the server
/// logged while it ran (an ErrorBoundary's exception, a failed render) even when the page hides it.
/// </summary>
public sealed class ServerLogCapture : ILoggerProvider
{
    public sealed record Entry(long Sequence, LogLevel Level, string Category, string Message);

    private readonly ConcurrentQueue<Entry> entries = new();
    private long sequence;

    /// <summary>A mark to pass to <see cref="Since"/>: entries logged after it.</summary>
    public long Mark => Interlocked.Read(ref sequence);

    public IReadOnlyList<Entry> Since(long mark, LogLevel atLeast) =>
        entries.Where(e => e.Sequence > mark && e.Level >= atLeast).OrderBy(e => e.Sequence).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message)
    {
        entries.Enqueue(new Entry(Interlocked.Increment(ref sequence), level, category, message));
        // A long run must not grow without bound: only recent entries matter to a test.
        while (entries.Count > 10_000 && entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(ServerLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message += " | " + exception.GetType().Name + ": " + exception.Message;
            capture.Add(logLevel, category, message);
        }
    }
}
