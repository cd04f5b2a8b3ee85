using PartyAffairs.Tests.Benchmarks.Pages;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>Each of the board, write-path, city-scale, providers, editor-asset and pages groups on its own, with the same table.</summary>
public sealed class BenchmarkGroupFacts(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public Task Board() => RunAlone(new BoardBenchmarks());

    [Fact]
    [Trait("Category", "Benchmark")]
    public Task Write_path() => RunAlone(new WritePathBenchmarks());

    [Fact]
    [Trait("Category", "Benchmark")]
    public Task City_scale() => RunAlone(new CityScaleBenchmarks());

    [Fact]
    [Trait("Category", "Benchmark")]
    public Task Providers() => RunAlone(new ProviderBenchmarks());

    [Fact]
    [Trait("Category", "Benchmark")]
    public Task Editor_assets() => RunAlone(new EditorAssetBenchmarks());

    [Fact]
    [Trait("Category", "Benchmark")]
    public Task Pages() => RunAlone(new PageBenchmarks());

    private async Task RunAlone(IBenchmarkGroup group) => (await BenchmarkReport.RunAsync([group], output)).ShouldNotBeEmpty();
}
