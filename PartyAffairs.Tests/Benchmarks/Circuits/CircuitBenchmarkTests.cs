using Xunit.Abstractions;

namespace PartyAffairs.Tests.Benchmarks.Circuits;

/// <summary>Runs the circuit group on its own and prints its rows (the suite runs it with the others).</summary>
public sealed class CircuitBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Circuit_memory_and_live_push()
    {
        var rows = await new CircuitBenchmarks().RunAsync(output.WriteLine, CancellationToken.None);
        foreach (var row in rows)
            output.WriteLine($"{row.Figure}: {row.Value} {row.Unit} | {row.Reference} {row.ReferenceValue} | ratio {row.Ratio:F2} | {row.Target} | met {row.Met}");
        rows.ShouldNotBeEmpty();
    }
}
