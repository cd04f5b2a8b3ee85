namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// The annual report (年度党务公开工作报告) of a year, for the whole bureau or one organization, counted as of <see cref="AsOf"/>;
/// <see cref="Heading"/> names it with its scope and the moment it was produced, for a copy that leaves the system.
/// <see cref="OrganizationCount"/> counts the organizations of its per-organization tables, which may hold one page of them.
/// </summary>
public sealed record AnnualReportView(int Year, string Title, string Scope, DateOnly AsOf, IReadOnlyList<ReportTable> Tables, string Heading = "",
    int OrganizationCount = 0);
