using Microsoft.Net.Http.Headers;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.BoardPostings;

/// <summary><c>GET /postings/{id}/photo</c>: a posting's photo, for those who may see the posting; anyone else gets 404.</summary>
public static class BoardPostingEndpoints
{
    public static IEndpointRouteBuilder MapBoardPostingPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/postings/{id:int}/photo", async (int id, BoardPostingService postings, HttpContext http, CancellationToken cancellationToken) =>
        {
            var result = await postings.GetPhotoAsync(id, cancellationToken);
            if (!result.Succeeded) return Results.NotFound();
            var file = result.Value!;
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(file.FullPath, file.ContentType);
        }).WithRequestUser();
        return endpoints;
    }
}
