using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// Issue 22: the city-scale figures on PostgreSQL beside SQLite, in one table. Each provider gets the same generated city
/// (<see cref="CityScaleBenchmarks.CityOptions"/>, same seed), the same services and the same measurements: the dashboard's
/// read after a change, the assessment year view, the archive search p95, and the approval write path with
/// <see cref="WritePathBenchmarks.Writers"/> writers. PostgreSQL is a cluster of the run's own that syncs to disk as a
/// production server does (SQLite's harness syncs as the app does, WAL with synchronous=NORMAL); both on loopback, in-process.
/// </summary>
public sealed class ProviderBenchmarks : IBenchmarkGroup
{
    public string Name => "providers";

    private sealed record Figures(double GenerateSeconds, double Dashboard, double Assessment, double SearchP95, double WritersP999,
        double ApprovalsPerSecond, int Busy, int Other);

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        PostgresCluster.BinDirectory.ShouldNotBeNull("PostgreSQL's programs (/usr/lib/postgresql/*/bin) are needed for this group.");
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PA_BENCH_WRITE_SECONDS"), out var s) && s > 0 ? s : 60;
        var sqlite = await MeasureAsync("SQLite", new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.Sqlite) },
            seconds, log, cancellationToken);
        var cluster = new PostgresCluster { Durable = true };
        await cluster.InitializeAsync();
        Figures postgres;
        try
        {
            postgres = await MeasureAsync("PostgreSQL", new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSQL),
                [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = await cluster.CreateDatabaseAsync("pa_bench"),
            }, seconds, log, cancellationToken);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        var options = CityScaleBenchmarks.CityOptions();
        var scale = $"{options.Organizations:N0} orgs / {options.Disclosures:N0} disclosures";
        const string beside = "SQLite, same city";
        IEnumerable<BenchmarkRow> Pair(string figure, Func<Figures, double> value, string unit, string target, Func<double, bool?> met) =>
        [
            new($"{figure} — SQLite", value(sqlite), unit, null, null, target, met(value(sqlite))),
            new($"{figure} — PostgreSQL", value(postgres), unit, beside, value(sqlite), target, met(value(postgres))),
        ];
        return
        [
            .. Pair($"generate-load ({scale})", f => f.GenerateSeconds, "s", "(reported)", _ => null),
            .. Pair("Dashboard counts, read once per change", f => f.Dashboard, "ms", "≤ 100 ms", v => v <= 100),
            .. Pair("Assessment year view", f => f.Assessment, "ms", "≤ 1 s", v => v <= 1000),
            .. Pair("Archive search p95, selective terms", f => f.SearchP95, "ms", "≤ 100 ms", v => v <= 100),
            .. Pair($"Approvals, {WritePathBenchmarks.Writers} writers × {seconds} s, p99.9", f => f.WritersP999, "ms", "< 500 ms", v => v < 500),
            .. Pair($"Approvals, {WritePathBenchmarks.Writers} writers, throughput", f => f.ApprovalsPerSecond, "approvals/s", "(reported)", _ => null),
            .. Pair("Busy/locked errors and other failures reaching the caller", f => f.Busy + f.Other, "errors", "0", v => v == 0),
        ];
    }

    private static async Task<Figures> MeasureAsync(string provider, IReadOnlyDictionary<string, string?> database, int seconds, Action<string> log,
        CancellationToken cancellationToken)
    {
        await using var harness = await ServiceHarness.CreateAsync(database: database);
        var generated = await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(CityScaleBenchmarks.CityOptions(), new Progress<string>(line => log($"{provider}: {line}")), cancellationToken);
        log($"{provider}: generated {generated.Disclosures:N0} disclosures, {generated.Feedback:N0} feedback, {generated.ArchiveRecords:N0} archive records, " +
            $"{generated.AuditEntries:N0} audit entries in {generated.Elapsed.TotalSeconds:F0} s");
        // The Office reviewer (signed in from here on) and the disclosure the write path copies.
        var (_, template) = await WritePathBenchmarks.PrepareAsync(harness);

        var dashboard = await CityScaleBenchmarks.DashboardReadAsync(harness, cancellationToken);
        var assessment = await CityScaleBenchmarks.AssessmentYearAsync(harness, cancellationToken);
        var searchP95 = Percentiles.Of(await CityScaleBenchmarks.ArchiveSearchTimesAsync(harness, cancellationToken), 95);
        log($"{provider}: dashboard {dashboard:F1} ms, assessment {assessment:F1} ms, archive search p95 {searchP95:F1} ms");

        // The write path on the same city: submitted copies of one disclosure, approved by 16 reviewers at once.
        var pool = new ConcurrentQueue<int>(await WritePathBenchmarks.CloneAsync(harness, template, seconds * 2_000));
        var (latencies, busy, other, firstFailure) = await WritePathBenchmarks.ConcurrentAsync(harness, pool, TimeSpan.FromSeconds(seconds));
        if (firstFailure is not null) log($"{provider}: the first failure: {firstFailure}");
        var p999 = Percentiles.Of(latencies, 99.9);
        log($"{provider}: {WritePathBenchmarks.Writers} writers for {seconds} s: {latencies.Count} approvals, {busy} busy/locked, {other} other failures, p99.9 {p999:F1} ms");
        return new Figures(generated.Elapsed.TotalSeconds, dashboard, assessment, searchP95, p999, latencies.Count / (double)seconds, busy, other);
    }
}
