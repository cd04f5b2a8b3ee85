using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>The member files: the sample, the export, and an import's initial passwords (once, to the person who imported).</summary>
public static class MemberFileEndpoints
{
    public const string SamplePath = "/admin/users/members-sample.xlsx";
    public const string ExportPath = "/admin/users/members.xlsx";

    public static string PasswordsPath(string token) => $"/admin/users/passwords/{token}.xlsx";

    public static IEndpointRouteBuilder MapMemberFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SamplePath, () => Results.File(MemberSpreadsheet.Sample(), MemberSpreadsheet.XlsxType, "成员导入示例.xlsx"))
            .RequireAuthorization();

        endpoints.MapGet(ExportPath, async (MemberImportService members, BureauClock clock, CancellationToken cancellationToken) =>
        {
            var result = await members.ExportAsync(cancellationToken);
            if (!result.Succeeded) return result.ToHttpFailure();
            return Results.File(MemberSpreadsheet.Export(result.Value!), MemberSpreadsheet.XlsxType, $"成员名单-{clock.ToLocal(clock.UtcNow):yyyyMMdd}.xlsx");
        }).RequireAuthorization().WithRequestUser();

        endpoints.MapGet("/admin/users/passwords/{token}.xlsx", async (string token, MemberImportService members, HttpContext http, CancellationToken cancellationToken) =>
        {
            var result = await members.TakePasswordListAsync(token, cancellationToken);
            if (!result.Succeeded) return result.ToHttpFailure();
            // Never kept by a browser or proxy cache: the file exists once.
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(result.Value!, MemberSpreadsheet.XlsxType, "成员初始密码.xlsx");
        }).RequireAuthorization().WithRequestUser();

        return endpoints;
    }
}
