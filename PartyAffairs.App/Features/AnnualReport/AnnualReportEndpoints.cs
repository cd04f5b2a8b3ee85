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
            if (!result.Succeeded)
            {
                var status = result.Status switch
                {
                    ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
                    ResultStatus.NotFound => StatusCodes.Status404NotFound,
                    _ => StatusCodes.Status400BadRequest,
                };
                return Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: status);
            }
            using var output = new MemoryStream();
            AnnualReportWorkbook.Write(output, result.Value!);
            return Results.File(output.ToArray(), AnnualReportWorkbook.ContentType, AnnualReportWorkbook.FileName(result.Value!));
        }).RequireAuthorization().WithRequestUser();
        return endpoints;
    }
}
