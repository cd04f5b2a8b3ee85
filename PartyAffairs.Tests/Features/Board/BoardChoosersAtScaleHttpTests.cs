using System.Net;
using PartyAffairs.App.Features.Board;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// The public pages that offered a select of every organization, at a generated city (<see cref="CityBoardServer"/>, above
/// <see cref="BoardOptions.OrganizationsOnOnePage"/>): the history's form drops the select and keeps a chosen organization
/// hidden, the guide names the top of the tree and sends the visitor to the board's directory; both stay under the budget.
/// </summary>
public sealed class BoardChoosersAtScaleHttpTests(CityBoardServer city) : IClassFixture<CityBoardServer>, IDisposable
{
    private const int Budget = 200 * 1024;

    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = city.Server.BaseAddress };

    public void Dispose() => client.Dispose();

    private async Task<string> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var html = await response.Content.ReadAsStringAsync();
        html.Length.ShouldBeLessThan(Budget, path);
        return html;
    }

    [Fact]
    public async Task The_history_form_has_no_select_of_every_organization_and_keeps_a_chosen_one_hidden()
    {
        var history = await GetAsync("/board/history");
        history.ShouldNotContain("data-testid=\"filter-org\"");
        history.ShouldContain("data-testid=\"filter-category\"");

        var chosen = await GetAsync($"/board/history?org={city.BusyOrganizationId}");
        chosen.ShouldContain($"<input type=\"hidden\" name=\"org\" value=\"{city.BusyOrganizationId}\"");
    }

    [Fact]
    public async Task The_guide_names_the_top_of_the_tree_and_links_the_boards_directory_for_the_rest()
    {
        var guide = await GetAsync("/guide");
        guide.ShouldContain("data-testid=\"guide-directory\"");
        guide.ShouldContain("href=\"/board\"");
        System.Text.RegularExpressions.Regex.Count(guide, "<li style=\"margin-inline-start: 0em\">").ShouldBeLessThan(CityBoardServer.City.Organizations);
    }
}
