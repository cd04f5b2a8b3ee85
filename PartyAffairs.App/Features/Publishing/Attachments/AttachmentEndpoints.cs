using Microsoft.Net.Http.Headers;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// <c>GET /attachments/{id}</c>. Not behind sign-in, because a public item's files are public: the service
/// applies the audience rule and answers 404 for anything the asker may not see.
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:int}", async (int id, AttachmentService attachments, HttpContext http, CancellationToken cancellationToken) =>
        {
            var result = await attachments.GetFileAsync(id, cancellationToken);
            if (!result.Succeeded) return Results.NotFound();
            var file = result.Value!;
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(file.FullPath, file.ContentType, file.FileName);
        }).WithRequestUser();
        return endpoints;
    }
}
