using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components.Account;

/// <summary>The sign-in pages are static forms: driven over HTTP against the real app, as a browser posts them.</summary>
public sealed class LoginPageTests : IAsyncLifetime
{
    private const string Password = "Secret@2026";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> factory = default!;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Storage:DataDirectory", dataDirectory)
            .UseSetting("Demo:Seed", "false")
            .UseTestDatabase(dataDirectory));
        _ = factory.Server;
        await CreateUserAsync("lishuji", mustChangePassword: false);
        await CreateUserAsync("xinren", mustChangePassword: true);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(dataDirectory);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task CreateUserAsync(string userName, bool mustChangePassword)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, MustChangePassword = mustChangePassword, LockoutEnabled = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Member)).Succeeded.ShouldBeTrue();
    }

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string query = "")
    {
        var page = await client.GetStringAsync("/Account/Login" + query);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/Account/Login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    private static string AlertText(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "role=\"alert\"[^>]*>.*?mud-alert-message\">([^<]*)<", RegexOptions.Singleline).Groups[1].Value);

    [Fact]
    public async Task The_page_asks_for_a_user_name_in_Chinese()
    {
        var html = await NewClient().GetStringAsync("/Account/Login");

        html.ShouldContain("<title>登录 - 党务公开管理系统</title>");
        html.ShouldContain("name=\"Input.UserName\"");
        html.ShouldContain("用户名");
        html.ShouldNotContain("Email");
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_Chinese_and_the_fifth_locks_the_account_without_saying_so()
    {
        var client = NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var response = await PostLoginAsync(client, "lishuji", "wrong-password");
            var html = await response.Content.ReadAsStringAsync();
            AlertText(html).ShouldBe("用户名或密码不正确。连续输错 5 次，账户将被锁定 15 分钟。");
            html.ShouldNotContain("wrong-password");
        }

        var fifth = await PostLoginAsync(client, "lishuji", "wrong-password");
        // A locked name answers like an unknown one, or the answer would tell a stranger which names exist.
        var unknown = AlertText(await (await PostLoginAsync(client, "nobody-by-this-name", "wrong-password")).Content.ReadAsStringAsync());
        AlertText(await fifth.Content.ReadAsStringAsync()).ShouldBe(unknown);

        // Locked means locked: even the right password is refused now, in the same words.
        var right = await PostLoginAsync(client, "lishuji", Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        AlertText(await right.Content.ReadAsStringAsync()).ShouldBe(unknown);
    }

    [Fact]
    public async Task The_right_password_goes_back_to_the_page_asked_for_but_never_to_another_site()
    {
        var response = await PostLoginAsync(NewClient(), "lishuji", Password, "?ReturnUrl=%2Ffeedback");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/feedback");

        var offsite = await PostLoginAsync(NewClient(), "lishuji", Password, "?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        offsite.Headers.Location!.Host.ShouldNotBe("evil.example");
        offsite.Headers.Location!.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task An_issued_password_leads_to_change_password_and_the_change_clears_the_flag()
    {
        var client = NewClient();
        var signIn = await PostLoginAsync(client, "xinren", Password, "?ReturnUrl=%2Ffeedback");
        signIn.Headers.Location!.PathAndQuery.ShouldBe("/Account/Manage/ChangePassword?returnUrl=%2Ffeedback");

        var page = await client.GetStringAsync(signIn.Headers.Location);
        page.ShouldContain("请先设置自己的新密码");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var change = await client.PostAsync(signIn.Headers.Location, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "Changed@2027",
            ["Input.ConfirmPassword"] = "Changed@2027",
        }));

        change.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await client.GetStringAsync(change.Headers.Location);
        done.ShouldContain("密码已修改。");
        done.ShouldContain("href=\"/feedback\"");
        // The form closes once the password is changed: only the confirmation and the way on remain.
        done.ShouldNotContain("Input.OldPassword");
        done.ShouldContain("password-changed-continue");
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("xinren");
        user!.MustChangePassword.ShouldBeFalse();
    }
}
