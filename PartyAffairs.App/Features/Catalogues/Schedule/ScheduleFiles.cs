using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>The schedule as a download: a plain HTTP endpoint, signed-in only; the service decides what the person may see.</summary>
public static class ScheduleFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Path(int year) => $"/catalogue/{year}/schedule.xlsx";

    public static IEndpointRouteBuilder MapScheduleFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalogue/{year:int}/schedule.xlsx", async (int year, ScheduleService schedule, CancellationToken cancellationToken) =>
        {
            var result = await schedule.ExportAsync(year, cancellationToken);
            return result.Status switch
            {
                ResultStatus.Ok => Results.File(result.Value!, ContentType, $"{year}-schedule.xlsx"),
                ResultStatus.Forbidden => Results.Forbid(),
                ResultStatus.NotFound => Results.NotFound(),
                _ => Results.BadRequest(result.Message),
            };
        }).RequireAuthorization().WithRequestUser();
        return endpoints;
    }
}
