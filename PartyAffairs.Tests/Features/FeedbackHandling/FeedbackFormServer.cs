using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>
/// The real app with the demo seed on a loopback port, for the feedback form over HTTP. Its own server, not the
/// shared browser one, because the form is rate-limited per client address and every test request comes from 127.0.0.1.
/// </summary>
public sealed partial class FeedbackFormServer : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-feedback", Guid.NewGuid().ToString("N"));
    private readonly int permitLimit;
    private Factory? factory;

    public FeedbackFormServer() : this(permitLimit: 1000) { }

    internal FeedbackFormServer(int permitLimit) => this.permitLimit = permitLimit;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Task InitializeAsync()
    {
        factory = new Factory(dataDirectory, permitLimit);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(dataDirectory);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    public AppDbContext NewDb() => factory!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A client that keeps cookies (the antiforgery cookie) and does not follow redirects, so the PRG redirect is seen.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    /// <summary>The id of a demo item on display now with the given audience.</summary>
    public async Task<int> OnDisplayAsync(Audience audience)
    {
        await using var db = NewDb();
        var now = DateTime.UtcNow;
        return await db.Disclosures
            .Where(d => d.State == DisclosureState.Published && d.Audience == audience && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc)
            .Select(d => d.Id).FirstAsync();
    }

    public async Task<int> ClosedPublicAsync()
    {
        await using var db = NewDb();
        return await db.Disclosures.Where(d => d.State == DisclosureState.Closed && d.Audience == Audience.Public).Select(d => d.Id).FirstAsync();
    }

    public async Task<int> FeedbackCountAsync(int disclosureId)
    {
        await using var db = NewDb();
        return await db.Feedback.CountAsync(f => f.DisclosureId == disclosureId);
    }

    /// <summary>Reads the form page and returns the antiforgery token it carries (the cookie stays in the client).</summary>
    public static Task<string> TokenAsync(HttpClient client, int disclosureId) => TokenAsync(client, $"/board/{disclosureId}/feedback");

    /// <summary>Reads the form page at <paramref name="path"/> and returns its antiforgery token.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The form carries no antiforgery token.");
    }

    /// <summary>Posts the mailbox (意见箱) form as the browser would.</summary>
    public static Task<HttpResponseMessage> PostMailboxAsync(HttpClient client, string? token, FeedbackKind kind, string content,
        bool anonymous = true, string? name = null, string? contact = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "mailbox"),
            new("Input.Kind", kind.ToString()),
            new("Input.Content", content),
            new("Input.Anonymous", anonymous ? "true" : "false"),
            new("Input.Name", name ?? ""),
            new("Input.Contact", contact ?? ""),
        };
        if (token is not null) fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync("/board/mailbox", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a 查询码 to /track as the browser would.</summary>
    public static Task<HttpResponseMessage> PostTrackAsync(HttpClient client, string token, string code) =>
        client.PostAsync("/track", new FormUrlEncodedContent(
        [
            new("_handler", "track"),
            new("Input.Code", code),
            new("__RequestVerificationToken", token),
        ]));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, int disclosureId, string? token, string content,
        bool anonymous = true, string? name = null, string? contact = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "feedback"),
            new("Input.Content", content),
            new("Input.Anonymous", anonymous ? "true" : "false"),
            new("Input.Name", name ?? ""),
            new("Input.Contact", contact ?? ""),
        };
        if (token is not null) fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync($"/board/{disclosureId}/feedback", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class Factory(string dataDirectory, int permitLimit) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production's pipeline, but cookies over plain http on loopback (CookieSecurity).
            builder.UseEnvironment(PartyAffairs.App.Hosting.Security.CookieSecurity.TestingEnvironment);
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            TestDatabase.Use(builder, dataDirectory);
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Feedback:PermitLimit", permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
