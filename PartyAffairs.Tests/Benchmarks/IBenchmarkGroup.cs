namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// A group of related measurements (the board, circuits, the write path, city scale). The benchmark suite finds every
/// implementation, runs them one after another and prints one table; each group is also runnable on its own.
/// </summary>
public interface IBenchmarkGroup
{
    string Name { get; }

    /// <summary>Runs the measurements, writing progress to <paramref name="log"/>, and returns the table's rows.</summary>
    Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken);
}
