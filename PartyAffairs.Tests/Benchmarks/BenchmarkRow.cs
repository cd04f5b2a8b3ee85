namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// One line of the benchmark table: a figure measured, the reference measured beside it in the same run (a static
/// file, raw SQLite, an empty circuit…), their ratio, and the target the issue sets. <see cref="Met"/> is reported,
/// never asserted: a missed target is a finding to explain, not a failing test.
/// </summary>
public sealed record BenchmarkRow(
    string Figure,
    double Value,
    string Unit,
    string? Reference,
    double? ReferenceValue,
    string Target,
    bool? Met)
{
    public double? Ratio => ReferenceValue is > 0 ? Value / ReferenceValue : null;
}
