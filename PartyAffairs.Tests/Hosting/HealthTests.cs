using PartyAffairs.Tests.Support;

using PartyAffairs.Tests.Browser;

namespace PartyAffairs.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class HealthTests(AppServer server)
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_reachable()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await http.GetAsync("/healthz");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_sign_in_page_is_served_in_Chinese_with_characters_not_entities()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var html = await http.GetStringAsync("/Account/Login");
        html.ShouldContain("<html lang=\"zh-CN\"");
        html.ShouldContain("登录");
        html.ShouldNotContain("&#x");
    }
}
