using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.BoardPostings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.BoardPostings;

/// <summary>
/// <c>GET /postings/{id}/photo</c> on the running demo app: the photo goes, as an image that must not be sniffed, to those who
/// may see the posting (BoardPostingService: the Office and Leaders, and the people of the posting's own organization); an
/// anonymous visitor, a person of another branch and an unknown id all get 404, alike.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PostingPhotoHttpTests(AppServer server)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private async Task<(int Id, byte[] Bytes)> FirstBranchPostingAsync()
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var branch = await db.Organizations.Where(o => o.Code == "DYZB").Select(o => o.Id).SingleAsync();
        var posting = await db.BoardPostings.AsNoTracking().Where(p => p.OrganizationId == branch).OrderBy(p => p.Id).FirstOrDefaultAsync();
        posting.ShouldNotBeNull("the demo's first branch posted boards");
        var storage = server.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return (posting.Id, await File.ReadAllBytesAsync(Path.Combine(storage.DataDirectory, posting.PhotoStoredPath)));
    }

    [Theory]
    [InlineData("secretary")] // the first branch's secretary, who recorded it
    [InlineData("member")]    // a member of the same branch
    [InlineData("office")]
    [InlineData("leader")]
    public async Task Who_may_see_the_posting_gets_its_photo_as_a_png_that_must_not_be_sniffed(string userName)
    {
        var (id, bytes) = await FirstBranchPostingAsync();
        var cookie = await CircuitClient.SignInAsync(server.BaseAddress, userName);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await GetAsync(http, PostingRoutes.Photo(id), cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }

    [Fact]
    public async Task An_anonymous_visitor_another_branchs_secretary_and_an_unknown_id_get_not_found()
    {
        var (id, _) = await FirstBranchPostingAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var otherBranch = await CircuitClient.SignInAsync(server.BaseAddress, "secretary2");
        var office = await CircuitClient.SignInAsync(server.BaseAddress, "office");

        using var anonymous = await GetAsync(http, PostingRoutes.Photo(id), null);
        using var stranger = await GetAsync(http, PostingRoutes.Photo(id), otherBranch);
        using var unknown = await GetAsync(http, PostingRoutes.Photo(987654), office);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var refused in new[] { anonymous, stranger, unknown })
        {
            refused.Content.Headers.ContentType?.MediaType.ShouldNotBe("image/png");
        }
    }
}
