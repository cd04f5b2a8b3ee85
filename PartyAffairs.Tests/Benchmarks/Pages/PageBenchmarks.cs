using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Benchmarks.Pages;

/// <summary>
/// Issue 21, "a benchmark of every page": every page of every role's menu, the detail pages a person opens from those lists,
/// and every public page anonymously, at the issue's generated city and at the demo bureau's size (the reference column).
/// Per page: the HTML's bytes, the compressed bytes when the response is compressed, the time to the last byte over loopback
/// uncached (p50/p95), and for an interactive page the managed memory one settled circuit of it holds. A missed target or a
/// status other than 200 is a row saying so; the whole table goes to <c>artifacts/benchmarks-pages.md</c>.
/// </summary>
public sealed partial class PageBenchmarks : IBenchmarkGroup
{
    public const string Anonymous = "anonymous";
    private const string CityPassword = "Bench@Pages2026";
    private const long HtmlBudget = 200 * 1024;
    private const double TimeBudgetMs = 500;
    private const double CircuitBudgetKb = 2 * 1024;
    private static readonly Lock ProgressGate = new();

    /// <summary>
    /// The pages measured, one entry per (role, path): each role's menu as <c>NavMenu</c> shows it to the accounts signed in
    /// here (<see cref="PageTableTests"/> holds the two together), then the detail pages a person opens from those lists. A
    /// placeholder in braces is filled in per role and scale (<see cref="Placeholders"/>): the first link of its list page as
    /// that role sees it, a branch, this year.
    /// </summary>
    public static readonly IReadOnlyList<(string Role, string Path)> Table =
    [
        .. For("admin", "/", "/board", "/my/feedback", "/admin/leading-group", "/admin/organizations", "/admin/users", "/admin/calendar",
            "/admin/settings"),
        .. For("office", "/", "/board", "/my/feedback", "/catalogue", "/catalogue/schedule", "/disclosures", "/postings", "/feedback",
            "/applications", "/archive", "/assessment", "/inspections", "/assessment/report", "/dashboard", "/audit", "/admin/leading-group",
            "/admin/users",
            "/disclosures/{disclosure}", "/feedback/{feedback}", "/archive/{archive}", "/applications/{application}"),
        .. For("leader", "/", "/board", "/my/feedback", "/catalogue", "/catalogue/schedule", "/disclosures", "/feedback", "/applications",
            "/archive", "/assessment", "/inspections", "/assessment/report", "/dashboard", "/audit",
            "/disclosures/{disclosure}", "/feedback/{feedback}", "/archive/{archive}", "/applications/{application}"),
        .. For("secretary", "/", "/board", "/my/feedback", "/my-work", "/catalogue", "/catalogue/schedule", "/disclosures", "/postings",
            "/feedback", "/applications", "/archive", "/assessment", "/inspections", "/assessment/report",
            "/disclosures/{disclosure}", "/feedback/{feedback}", "/archive/{archive}", "/applications/{application}"),
        .. For("drafter", "/", "/board", "/my/feedback", "/my-work", "/catalogue", "/catalogue/schedule", "/disclosures", "/postings",
            "/disclosures/{disclosure}", "/disclosures/new"),
        .. For("handler", "/", "/board", "/my/feedback", "/disclosures", "/feedback", "/applications",
            "/disclosures/{disclosure}", "/feedback/{feedback}", "/applications/{application}"),
        .. For("member", "/", "/board", "/my/feedback", "/disclosures",
            "/disclosures/{disclosure}"),
        .. For(Anonymous, "/board", "/board?q=党费", "/board?org={branch}", "/board/{item}", "/board/{item}/feedback", "/board/history",
            "/board/print", "/board/screen", "/board/catalogue/{year}", "/guide", "/track", "/apply", "/board/mailbox", "/Account/Login"),
    ];

    /// <summary>The roles each account of the table holds, as the demo and <see cref="LoadAccounts"/> give them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        ["admin"] = [Roles.Admin],
        ["office"] = [Roles.Office, Roles.Member],
        ["leader"] = [Roles.Leader, Roles.Member],
        ["secretary"] = [Roles.Secretary, Roles.Member],
        ["drafter"] = [Roles.Drafter, Roles.Member],
        ["handler"] = [Roles.FeedbackHandler, Roles.Member],
        ["member"] = [Roles.Member],
    };

    /// <summary>Where a placeholder's id comes from: the first link to a detail page on its list page, as the role sees the list.</summary>
    private static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["{disclosure}"] = "/disclosures",
        ["{feedback}"] = "/feedback",
        ["{archive}"] = "/archive",
        ["{application}"] = "/applications",
        ["{item}"] = "/board",
    };

    private static IEnumerable<(string Role, string Path)> For(string role, params string[] paths) => paths.Select(p => (role, p));

    private static int Repeats => int.TryParse(Environment.GetEnvironmentVariable("PA_PAGES_REPEAT"), out var n) && n > 0 ? n : 20;
    private static int Circuits => int.TryParse(Environment.GetEnvironmentVariable("PA_PAGES_CIRCUITS"), out var n) && n >= 0 ? n : 10;
    private static bool SmallCity => Environment.GetEnvironmentVariable("PA_PAGES_CITY") == "small";

    /// <summary>PA_PAGES_ONLY: the page templates to measure, comma-separated (every page when unset), to iterate on one page.</summary>
    private static string[]? Only => Environment.GetEnvironmentVariable("PA_PAGES_ONLY")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string Name => "Pages";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var city = SmallCity
            ? new LoadOptions(Organizations: 200, Disclosures: 30_000, Feedback: 30_000, Archive: 10_000, Years: 3, AccountPassword: CityPassword)
            : new LoadOptions(Organizations: 2000, Disclosures: 300_000, Feedback: 300_000, Archive: 100_000, Years: 3, AccountPassword: CityPassword);
        var cityName = $"{city.Organizations:N0} orgs / {city.Disclosures:N0} disclosures";
        var scales = (Environment.GetEnvironmentVariable("PA_PAGES_SCALES") ?? "demo,city").Split(',');
        // The test output appears only when the test ends: the progress also goes to a file, to follow a long run.
        var progress = Path.Combine(Path.GetDirectoryName(BenchmarkReport.ArtifactPath)!, "benchmarks-pages.log");
        Directory.CreateDirectory(Path.GetDirectoryName(progress)!);
        File.Delete(progress);
        var inner = log;
        log = line =>
        {
            inner(line);
            lock (ProgressGate) File.AppendAllText(progress, $"{DateTime.UtcNow:HH:mm:ss} {line}\n");
        };
        log($"{Table.Count} pages; {Repeats} timed requests after 2 warm-ups, {Circuits} circuits per interactive page");

        var demo = scales.Contains("demo") ? await MeasureScaleAsync("demo", null, log, cancellationToken) : [];
        var measured = scales.Contains("city") ? await MeasureScaleAsync(cityName, city, log, cancellationToken) : [];

        var markdown = Markdown(cityName, measured, demo);
        log("\n" + markdown);
        var path = Path.Combine(Path.GetDirectoryName(BenchmarkReport.ArtifactPath)!, "benchmarks-pages.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, $"# Pages\n\n{BenchmarkReport.Machine()}\n\n{markdown}", cancellationToken);
        log($"(written to {path})");
        return Rows(cityName, measured.Count > 0 ? measured : demo, demo);
    }

    private static async Task<Dictionary<(string, string), PageResult>> MeasureScaleAsync(string scale, LoadOptions? city, Action<string> log,
        CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            // Every circuit of a page is opened by one account, and closed ones must be gone before the next page is measured.
            ["Circuits:MaxPerUser"] = "5000",
            ["Circuits:DisconnectedRetention"] = "00:00:02",
        };
        if (city is not null) settings["Demo:Seed"] = "false";
        var server = AppServer.With(settings);
        var watch = Stopwatch.StartNew();
        await server.InitializeAsync();
        log($"{scale}: app started in {watch.Elapsed.TotalSeconds:F1} s");
        try
        {
            if (city is not null)
            {
                watch.Restart();
                var generated = await server.Services.GetRequiredService<LoadGenerator>().GenerateAsync(city, null, cancellationToken);
                log($"{scale}: generated in {watch.Elapsed.TotalSeconds:F0} s ({generated.Occurrences:N0} occurrences, {generated.Feedback:N0} feedback, " +
                    $"{generated.ArchiveRecords:N0} archive records)");
            }
            return await MeasurePagesAsync(server, scale, city is not null, log, cancellationToken);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<Dictionary<(string, string), PageResult>> MeasurePagesAsync(AppServer server, string scale, bool city,
        Action<string> log, CancellationToken cancellationToken)
    {
        var results = new Dictionary<(string, string), PageResult>();
        var cookieName = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name
            ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme;
        // Anonymous pages are output-cached: a sign-in cookie that does not decrypt makes the cache policy skip the request while
        // the cookie handler treats it as anonymous, so each request renders the page afresh (as BoardBenchmarks' "uncached").
        var anonymousCookie = $"{cookieName}=not-a-ticket";
        using var http = new HttpClient(new HttpClientHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        var bareKb = Circuits > 0 ? await BareConnectionKbAsync(server.BaseAddress, await SignInAsync(server, "member", city, cancellationToken), cancellationToken) : 0;
        log($"{scale}: a bare SignalR connection holds {bareKb:F0} KB");

        foreach (var group in Table.Where(p => Only is not { } only || only.Contains(p.Path)).GroupBy(p => p.Role))
        {
            var role = group.Key;
            string cookie;
            try
            {
                cookie = role == Anonymous ? anonymousCookie : await SignInAsync(server, role, city, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                foreach (var (_, template) in group) results[(role, template)] = PageResult.Failed(template, ex.Message);
                continue;
            }
            var ids = new Dictionary<string, string?>();
            foreach (var (_, template) in group)
            {
                var path = await ResolveAsync(server, http, template, cookie, ids, cancellationToken);
                if (path is null)
                {
                    results[(role, template)] = PageResult.Failed(template, "no id found on its list page");
                    log($"{scale} {role} {template}: no id found on its list page");
                    continue;
                }
                var result = await MeasurePageAsync(server, http, path, cookie, bareKb, role != Anonymous, cancellationToken);
                results[(role, template)] = result with { Template = template };
                log(string.Create(CultureInfo.InvariantCulture,
                    $"{scale} {role} {path}: {result.Status} {result.Html / 1024.0:F0} KB{(result.Encoding is { } e ? $" ({e} {result.Compressed / 1024.0:F0} KB)" : "")}, " +
                    $"p50 {result.P50:F0} ms, p95 {result.P95:F0} ms (first {result.First:F0} ms){(result.CircuitKb is { } kb ? $", circuit {kb:F0} KB" : "")}{(result.Note is { } n ? $" — {n}" : "")}"));
            }
        }
        return results;
    }

    private static Task<string> SignInAsync(AppServer server, string role, bool city, CancellationToken cancellationToken) =>
        city
            ? CircuitClient.SignInAsync(server.BaseAddress, $"bench-{role}", CityPassword, cancellationToken)
            : CircuitClient.SignInAsync(server.BaseAddress, role, cancellationToken: cancellationToken);

    /// <summary>The template with its placeholder filled in as this role would reach it; null when its list links to nothing.</summary>
    private static async Task<string?> ResolveAsync(AppServer server, HttpClient http, string template, string cookie, Dictionary<string, string?> ids,
        CancellationToken cancellationToken)
    {
        if (PlaceholderPattern().Match(template) is not { Success: true } placeholder) return template;
        var key = placeholder.Value;
        if (!ids.TryGetValue(key, out var id))
        {
            id = key switch
            {
                "{year}" => server.Services.GetRequiredService<BureauClock>().Today.Year.ToString(CultureInfo.InvariantCulture),
                "{branch}" => (await FirstBranchAsync(server, cancellationToken)).ToString(CultureInfo.InvariantCulture),
                _ => await FirstLinkAsync(http, Placeholders[key], cookie, cancellationToken),
            };
            ids[key] = id;
        }
        return id is null ? null : template.Replace(key, id, StringComparison.Ordinal);
    }

    private static async Task<int> FirstBranchAsync(AppServer server, CancellationToken cancellationToken)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Organizations.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => o.Id).FirstAsync(cancellationToken);
    }

    private static async Task<string?> FirstLinkAsync(HttpClient http, string list, string cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, list);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var link = new Regex($"href=\"{Regex.Escape(list)}/(\\d+)\"").Match(html);
        if (link.Success) return link.Groups[1].Value;
        if (!html.Contains("<!--Blazor:{", StringComparison.Ordinal)) return null;
        // A list that loads its rows in the circuit (a grid reading server data): its first row's link, from a render batch.
        var page = await CircuitClient.FetchPageAsync(http.BaseAddress!, list, cookie, cancellationToken);
        var pattern = new Regex($"{Regex.Escape(list)}/\\d+(?![\\d/])");
        Task<string>? seen = null;
        await using var client = await CircuitClient.StartAsync(http.BaseAddress!, page, cookie, cancellationToken: cancellationToken,
            beforeStart: c => seen = c.WatchForMatchAsync(pattern));
        try
        {
            var found = await seen!.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return found[(list.Length + 1)..];
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task<PageResult> MeasurePageAsync(AppServer server, HttpClient http, string path, string cookie, double bareKb, bool signedIn,
        CancellationToken cancellationToken)
    {
        var times = new List<double>();
        Response last = default;
        double first = 0;
        for (var i = 0; i < Repeats + 2; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await GetAsync(http, path, cookie, cancellationToken);
            if (i == 0) first = watch.Elapsed.TotalMilliseconds;
            if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds);
            if (last.Status != 200) break;
        }
        var html = last.Encoding switch
        {
            "br" => Decompress(last.Body, s => new BrotliStream(s, CompressionMode.Decompress)),
            "gzip" => Decompress(last.Body, s => new GZipStream(s, CompressionMode.Decompress)),
            _ => last.Body,
        };
        // The uncached requests carry a cookie, and the app compresses only for visitors without one: what an anonymous visitor
        // receives is asked for once more as that visitor (the same page, from the cache or not).
        var wire = !signedIn && last.Status == 200 ? await GetAsync(http, path, "", cancellationToken) : last;
        var result = new PageResult(path, path, last.Status, html.LongLength, wire.Encoding, wire.Encoding is null ? null : wire.Body.LongLength,
            Percentiles.Of(times, 50), Percentiles.Of(times, 95), first, null, null);
        if (last.Status != 200)
            return result with { Note = last.Location is { } location ? $"{last.Status} → {location}" : $"status {last.Status}" };
        if (!signedIn || Circuits == 0 || !Encoding.UTF8.GetString(html).Contains("<!--Blazor:{", StringComparison.Ordinal)) return result;
        try
        {
            var (kb, note) = await CircuitKbAsync(server.BaseAddress, path, cookie, cancellationToken);
            return result with { CircuitKb = kb - bareKb, Note = note };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return result with { Note = $"circuit: {ex.GetType().Name}: {ex.Message}" };
        }
    }

    private readonly record struct Response(int Status, byte[] Body, string? Encoding, string? Location);

    private static async Task<Response> GetAsync(HttpClient http, string path, string cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Response((int)response.StatusCode, body, response.Content.Headers.ContentEncoding.FirstOrDefault(),
            response.Headers.Location?.OriginalString);
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> open)
    {
        using var input = open(new MemoryStream(body));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// Managed heap growth per circuit of this page: N circuits started, left until their render batches stop, full collections,
    /// then closed as a tab closes (and the retention period let pass, so the next page starts from the same floor).
    /// </summary>
    private static async Task<(double Kb, string? Note)> CircuitKbAsync(Uri baseAddress, string path, string cookie, CancellationToken cancellationToken)
    {
        var page = await CircuitClient.FetchPageAsync(baseAddress, path, cookie, cancellationToken);
        // The first circuit pays for what every circuit of the page shares (JIT, caches): outside the measure.
        await using (await CircuitClient.StartAsync(baseAddress, page, cookie, cancellationToken: cancellationToken))
        {
        }
        var baseline = await FloorAsync(cancellationToken);
        var clients = new List<CircuitClient>();
        try
        {
            for (var i = 0; i < Circuits; i++) clients.Add(await CircuitClient.StartAsync(baseAddress, page, cookie, cancellationToken: cancellationToken));
            await SettleAsync(clients, cancellationToken);
            var open = ManagedBytes();
            var failed = clients.Count(c => c.Closed.IsCompleted || c.Error is not null);
            var note = failed > 0 ? $"{failed} of {Circuits} circuits failed: {clients.Select(c => c.Error).FirstOrDefault(e => e is not null)}" : null;
            return ((open - baseline) / 1024.0 / Circuits, note);
        }
        finally
        {
            // Closed with the unload beacon, so disposed at once rather than kept for the retention period.
            foreach (var client in clients) await client.DisposeAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }
    }

    /// <summary>Until no circuit has received a render batch for 0.6 s (at most 30 s): the page has loaded its data.</summary>
    private static async Task SettleAsync(IReadOnlyList<CircuitClient> clients, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var last = clients.Sum(c => c.Batches);
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromMilliseconds(600) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, cancellationToken);
            var now = clients.Sum(c => c.Batches);
            if (now != last) quiet.Restart();
            last = now;
        }
    }

    private static async Task<double> BareConnectionKbAsync(Uri baseAddress, string cookie, CancellationToken cancellationToken)
    {
        var baseline = ManagedBytes();
        var connections = new ConcurrentBag<HubConnection>();
        for (var i = 0; i < Circuits; i++)
        {
            var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            });
            builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.Protocol.IHubProtocol, BlazorPackHubProtocol>();
            var connection = builder.Build();
            await connection.StartAsync(cancellationToken);
            connections.Add(connection);
        }
        var open = ManagedBytes();
        foreach (var connection in connections) await connection.DisposeAsync();
        return (open - baseline) / 1024.0 / Circuits;
    }

    /// <summary>
    /// The heap once it has stopped shrinking: the server disposes closed circuits (the last page's, the warm-up's) after the
    /// beacon's answer, and a floor read while they are still alive makes the next figure negative. At most 10 s.
    /// </summary>
    private static async Task<long> FloorAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var floor = ManagedBytes();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            var now = ManagedBytes();
            if (now > floor - 256 * 1024) return Math.Min(now, floor);
            floor = now;
        }
        return floor;
    }

    private static long ManagedBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>One page at one scale. <see cref="Note"/> says what went wrong (a redirect, a status, a circuit that failed).</summary>
    private sealed record PageResult(string Template, string Path, int Status, long Html, string? Encoding, long? Compressed, double P50, double P95,
        double First, double? CircuitKb, string? Note)
    {
        public static PageResult Failed(string template, string note) =>
            new(template, template, 0, 0, null, null, double.NaN, double.NaN, double.NaN, null, note);

        public IEnumerable<string> Misses()
        {
            if (Status != 200) yield return Note ?? $"status {Status}";
            else
            {
                if (Html > HtmlBudget) yield return "HTML";
                if (P95 > TimeBudgetMs) yield return "p95";
                if (CircuitKb > CircuitBudgetKb) yield return "circuit";
                if (Note is not null) yield return Note;
            }
        }
    }

    private static string Markdown(string cityName, IReadOnlyDictionary<(string, string), PageResult> city, IReadOnlyDictionary<(string, string), PageResult> demo)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"City: {cityName}; reference: the demo bureau. {Repeats} timed requests per page after 2 warm-ups; " +
            $"circuit memory over {Circuits} circuits per interactive page, less a bare SignalR connection. Targets: HTML ≤ 200 KB, p95 ≤ 500 ms, circuit ≤ 2 MB.");
        text.AppendLine();
        text.AppendLine("| page | role | HTML city | compressed | p50 | p95 | circuit | HTML demo | p95 demo | circuit demo | met |");
        text.AppendLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (role, template) in Table)
        {
            var c = city.GetValueOrDefault((role, template));
            var d = demo.GetValueOrDefault((role, template));
            var met = c is null ? "—" : c.Misses().ToList() is { Count: > 0 } misses ? "NO: " + string.Join("; ", misses) : "yes";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {template.Replace("|", "\\|", StringComparison.Ordinal)} | {role} | {Kb(c)} | {Compressed(c)} | {Ms(c?.P50, c)} | {Ms(c?.P95, c)} | {Mb(c?.CircuitKb)} | {Kb(d)} | {Ms(d?.P95, d)} | {Mb(d?.CircuitKb)} | {met} |");
        }
        return text.ToString();

        static string Kb(PageResult? r) => r is null ? "—" : r.Status != 200 ? (r.Status == 0 ? "—" : r.Status.ToString(CultureInfo.InvariantCulture))
            : string.Create(CultureInfo.InvariantCulture, $"{r.Html / 1024.0:F0} KB");
        static string Compressed(PageResult? r) => r is { Status: 200, Encoding: { } e, Compressed: { } bytes }
            ? string.Create(CultureInfo.InvariantCulture, $"{e} {bytes / 1024.0:F0} KB") : "—";
        static string Ms(double? ms, PageResult? r) => r is { Status: 200 } && ms is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:F0} ms") : "—";
        static string Mb(double? kb) => kb is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / 1024:F2} MB") : "—";
    }

    /// <summary>
    /// For the suite's table: how many pages met each target, the worst page per figure beside its demo figure, and a row for every
    /// (page, figure) that missed its target, beside the same page at demo size, and one for every page that did not answer 200.
    /// The per-page table is the markdown file.
    /// </summary>
    private static List<BenchmarkRow> Rows(string cityName, IReadOnlyDictionary<(string, string), PageResult> city, IReadOnlyDictionary<(string, string), PageResult> demo)
    {
        var rows = new List<BenchmarkRow>();
        var answered = city.Where(r => r.Value.Status == 200).ToList();
        rows.Add(new($"Pages answering 200 ({cityName})", answered.Count, $"of {city.Count}", null, null, "all", answered.Count == city.Count));
        void Worst(string figure, Func<PageResult, double?> value, string unit, string target, double budget)
        {
            var measured = answered.Where(r => value(r.Value) is not null).ToList();
            if (measured.Count == 0) return;
            var worst = measured.MaxBy(r => value(r.Value)!.Value);
            var within = measured.Count(r => value(r.Value) <= budget);
            var reference = demo.GetValueOrDefault(worst.Key) is { Status: 200 } d ? value(d) : null;
            rows.Add(new($"Pages: {figure}, worst {worst.Key.Item2} ({worst.Key.Item1}); {within} of {measured.Count} within", Math.Round(value(worst.Value)!.Value, 1),
                unit, reference is null ? null : "same page, demo bureau", reference is { } r ? Math.Round(r, 1) : null, target, within == measured.Count));
        }
        Worst("HTML", r => r.Html / 1024.0, "KB", "≤ 200 KB", HtmlBudget / 1024.0);
        Worst("p95 uncached", r => r.P95, "ms", "≤ 500 ms", TimeBudgetMs);
        Worst("circuit memory", r => r.CircuitKb, "KB", "≤ 2 MB", CircuitBudgetKb);
        foreach (var ((role, template), result) in city.Where(r => r.Value.Misses().Any()))
        {
            var reference = demo.GetValueOrDefault((role, template)) is { Status: 200 } d ? d : null;
            void Missed(string figure, double value, double? demoValue, string unit, string target) =>
                rows.Add(new($"Page {template} ({role}): {figure}", Math.Round(value, 1), unit, demoValue is null ? null : "same page, demo bureau",
                    demoValue is { } r ? Math.Round(r, 1) : null, target, false));
            if (result.Status != 200 || result.Note is not null)
                rows.Add(new($"Page {template} ({role}): {string.Join("; ", result.Misses())}", double.NaN, "", null, null, "200, measured", false));
            if (result.Status != 200) continue;
            if (result.Html > HtmlBudget) Missed("HTML", result.Html / 1024.0, reference?.Html / 1024.0, "KB", "≤ 200 KB");
            if (result.P95 > TimeBudgetMs) Missed("p95 uncached", result.P95, reference?.P95, "ms", "≤ 500 ms");
            if (result.CircuitKb > CircuitBudgetKb) Missed("circuit memory", result.CircuitKb.Value, reference?.CircuitKb, "KB", "≤ 2 MB");
        }
        return rows;
    }

    [GeneratedRegex("\\{[a-z]+\\}")]
    private static partial Regex PlaceholderPattern();
}
