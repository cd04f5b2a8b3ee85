using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// Runs benchmark groups one after another and prints the machine, then one table, to the test output and to
/// <c>artifacts/benchmarks.md</c> under the test output folder. A group that throws becomes a row saying so; the rest still run.
/// </summary>
public static class BenchmarkReport
{
    public static string ArtifactPath => Path.Combine(AppContext.BaseDirectory, "artifacts", "benchmarks.md");

    /// <summary>Every <see cref="IBenchmarkGroup"/> in the test assembly with a public parameterless constructor, by name.</summary>
    public static IReadOnlyList<IBenchmarkGroup> DiscoverGroups() =>
        typeof(IBenchmarkGroup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkGroup).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IBenchmarkGroup)Activator.CreateInstance(t)!)
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ToList();

    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(IEnumerable<IBenchmarkGroup> groups, ITestOutputHelper output)
    {
        var machine = Machine();
        output.WriteLine(machine);
        var rows = new List<BenchmarkRow>();
        foreach (var group in groups)
        {
            output.WriteLine($"== {group.Name}");
            try
            {
                rows.AddRange(await group.RunAsync(line => output.WriteLine($"   {group.Name}: {line}"), CancellationToken.None));
            }
            catch (Exception ex)
            {
                // A failing group is a finding, not the end of the run.
                output.WriteLine(ex.ToString());
                rows.Add(new BenchmarkRow($"{group.Name}: failed — {ex.GetType().Name}: {ex.Message}", double.NaN, "", null, null, "", null));
            }
        }
        var table = Table(rows);
        output.WriteLine(table);
        Directory.CreateDirectory(Path.GetDirectoryName(ArtifactPath)!);
        await File.WriteAllTextAsync(ArtifactPath, $"# Benchmarks\n\n{machine}\n\n{table}\n");
        output.WriteLine($"(written to {ArtifactPath})");
        return rows;
    }

    public static string Machine()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var sqlite = command.ExecuteScalar();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {memory:F1} GB memory, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription} ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC), SQLite {sqlite}");
    }

    public static string Table(IReadOnlyList<BenchmarkRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | value | reference | reference value | ratio | target | met? |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- | --- |");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "NO", null => "—" };
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Figure} | {Number(row.Value)} {row.Unit} | {row.Reference ?? "—"} | {(row.ReferenceValue is { } r ? $"{Number(r)} {row.Unit}" : "—")} | {(row.Ratio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "—")} | {row.Target} | {met} |"));
        }
        return text.ToString();
    }

    private static string Number(double value) => double.IsNaN(value) ? "—"
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
