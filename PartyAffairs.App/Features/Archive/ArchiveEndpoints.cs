using PartyAffairs.App.Features.Audit;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>File downloads outside the circuit: a record's package and the audit log's CSV. Signed-in only; the services check who.</summary>
public static class ArchiveEndpoints
{
    public static string Package(int recordId) => $"/archive/{recordId}/package";

    public const string AuditCsv = "/audit/export.csv";

    public static void MapArchiveFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/archive/{id:int}/package", async (int id, ArchiveService archive, CancellationToken cancellationToken) =>
        {
            var result = await archive.PackageAsync(id, cancellationToken);
            return result.Value is { } file ? Results.File(file.Content, "application/zip", file.FileName) : ToHttp(result.Status);
        }).RequireAuthorization().WithRequestUser();

        app.MapGet(AuditCsv, async ([AsParameters] AuditCsvRequest request, AuditLogService audit, BureauClock clock, CancellationToken cancellationToken) =>
        {
            var result = await audit.ExportCsvAsync(request.ToQuery(), cancellationToken);
            return result.Value is { } bytes
                ? Results.File(bytes, "text/csv; charset=utf-8", $"audit-{clock.Today:yyyyMMdd}.csv")
                : result.Status == ResultStatus.Invalid ? Results.BadRequest(result.Message) : ToHttp(result.Status);
        }).RequireAuthorization().WithRequestUser();
    }

    private static IResult ToHttp(ResultStatus status) => status == ResultStatus.Forbidden ? Results.Forbid() : Results.NotFound();
}
