namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>A line of a report table: its label and a value per column after the first (null: nothing to show, e.g. no median).</summary>
public sealed record ReportLine(string Label, IReadOnlyList<double?> Values, bool IsTotal = false);
