namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>The annual report (年度党务公开工作报告) of a year, for the whole bureau or one organization, counted as of <see cref="AsOf"/>.</summary>
public sealed record AnnualReportView(int Year, string Title, string Scope, DateOnly AsOf, IReadOnlyList<ReportTable> Tables);
