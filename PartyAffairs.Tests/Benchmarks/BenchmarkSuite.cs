using Xunit.Abstractions;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// The one benchmark run: every group in this assembly, one after another, and one table. Measures and prints;
/// asserts only that the table was produced (a missed target is reported in the table, never a failed test).
/// </summary>
public sealed class BenchmarkSuite(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task All_groups_print_one_table()
    {
        var groups = BenchmarkReport.DiscoverGroups();
        groups.ShouldNotBeEmpty();
        var rows = await BenchmarkReport.RunAsync(groups, output);
        rows.ShouldNotBeEmpty();
        File.Exists(BenchmarkReport.ArtifactPath).ShouldBeTrue();
    }
}
