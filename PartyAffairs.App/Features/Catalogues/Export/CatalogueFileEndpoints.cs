using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Export;

/// <summary>The catalogue's file downloads: the sample template (.xlsx/.csv) and a year's catalogue as .xlsx.</summary>
public static class CatalogueFileEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCatalogueFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalogue/template.xlsx", () =>
        {
            using var output = new MemoryStream();
            CatalogueSpreadsheet.WriteXlsx(output, CatalogueTemplate.Lines, null);
            return Results.File(output.ToArray(), XlsxType, "党务公开目录模板.xlsx");
        }).RequireAuthorization();

        endpoints.MapGet("/catalogue/template.csv", () =>
        {
            using var output = new MemoryStream();
            CatalogueSpreadsheet.WriteCsv(output, CatalogueTemplate.Lines);
            return Results.File(output.ToArray(), "text/csv; charset=utf-8", "党务公开目录模板.csv");
        }).RequireAuthorization();

        endpoints.MapGet("/catalogue/{year:int}/export.xlsx", async (int year, CatalogueExportService exports, CancellationToken cancellationToken) =>
        {
            var result = await exports.GetAsync(year, cancellationToken);
            if (!result.Succeeded) return result.ToHttpFailure();
            using var output = new MemoryStream();
            CatalogueSpreadsheet.WriteXlsx(output, result.Value!.Lines, result.Value.State);
            return Results.File(output.ToArray(), XlsxType, $"{year}年度党务公开目录.xlsx");
        }).RequireAuthorization().WithRequestUser();

        return endpoints;
    }
}
