using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// The real app (Production pipeline, demo seed) on an in-memory test server reached over https, so Secure cookies
/// travel as in production. A test names its client address in <see cref="ClientAddressHeader"/>, so the per-address
/// sign-in limit can be drilled without one test's posts counting against another's.
/// </summary>
public sealed partial class DrillWebApp : IAsyncLifetime
{
    public const string ClientAddressHeader = "X-Drill-Client-Address";
    public const int SignInPermitLimit = 12;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-drills", Guid.NewGuid().ToString("N"));
    private Factory? factory;

    public IServiceProvider Services => factory!.Services;

    public WebApplicationFactory<Program> Host => factory!;

    public Task InitializeAsync()
    {
        factory = new Factory(dataDirectory);
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(dataDirectory);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    public HttpClient NewClient(string clientAddress)
    {
        var client = factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost/") });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return client;
    }

    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var fields = await FormFieldsAsync(client, "/Account/Login");
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            TestDatabase.Use(builder, dataDirectory);
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("SignIn:PermitLimit", SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
        }
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, Func<Task> nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientAddressHeader].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
