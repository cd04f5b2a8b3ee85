using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>The annual report as an .xlsx download; the service checks who asks, as for the page.</summary>
public static class AnnualReportEndpoints
{
    public static string XlsxPath(int year) => $"/assessment/report/{year}.xlsx";

    public static string PrintPath(int year) => $"/assessment/report/{year}/print";

    public static IEndpointRouteBuilder MapAnnualReportFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessment/report/{year:int}.xlsx", async (int year, AnnualReportService reports, CancellationToken cancellationToken) =>
        {
            var result = await reports.GetAsync(year, cancellationToken);
            if (!result.Succeeded) return result.ToHttpFailure();
            using var output = new MemoryStream();
            AnnualReportWorkbook.Write(output, result.Value!);
            return Results.File(output.ToArray(), AnnualReportWorkbook.ContentType, AnnualReportWorkbook.FileName(result.Value!));
        }).RequireAuthorization().WithRequestUser();
        return endpoints;
    }
}
