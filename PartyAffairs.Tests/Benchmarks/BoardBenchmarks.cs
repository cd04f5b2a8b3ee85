using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace PartyAffairs.Tests.Benchmarks;

/// <summary>
/// The public board under <c>wrk --latency -t2 -c32</c> over loopback https: anonymous <c>/board</c> and <c>/board/{id}</c> from the
/// output cache, rendered afresh, and the same bytes as a static file served by the same Kestrel in the same run.
/// "Uncached" sends a sign-in cookie that does not decrypt: the cache policy skips any request carrying one, while the
/// authentication handler treats it as anonymous, so every request renders the very page the cache would have served.
/// (A unique <c>q</c> per request would also miss the cache, but renders a search result, not the same page.)
/// </summary>
public sealed partial class BoardBenchmarks : IBenchmarkGroup
{
    private const string StaticPath = "/bench-static";
    private const string Wrk = "/usr/bin/wrk";

    public string Name => "public board";

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (!File.Exists(Wrk)) throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk");
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PA_BENCH_WRK_SECONDS"), out var s) && s > 0 ? s : 10;
        var staticFolder = Path.Combine(Path.GetTempPath(), "partyaffairs-bench-static", Guid.NewGuid().ToString("N"));
        var dataDirectory = Path.Combine(Path.GetTempPath(), "partyaffairs-bench-board", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staticFolder);
        await using var factory = new Factory(dataDirectory, staticFolder);
        try
        {
            // Production is served over https (Secure cookies, HSTS): over plain http its antiforgery check would fail and log
            // an error on every uncached page, which no real visitor causes. Both the pages and the static file go over TLS.
            using var certificate = LoopbackCertificate();
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseUri = new Uri(address.Replace("[::1]", "127.0.0.1") + "/");
            var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name
                ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme;

            using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
            {
                BaseAddress = baseUri,
            };
            var board = await http.GetByteArrayAsync("board", cancellationToken);
            var itemId = ItemLink().Match(System.Text.Encoding.UTF8.GetString(board)) is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException("The demo board lists no item.");
            var item = await http.GetByteArrayAsync($"board/{itemId}", cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(staticFolder, "board.html"), board, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(staticFolder, "item.html"), item, cancellationToken);
            log($"server {baseUri}, /board {board.Length:N0} bytes, /board/{itemId} {item.Length:N0} bytes, {seconds} s a run");

            var rows = new List<BenchmarkRow>();
            foreach (var (page, file) in new[] { ("/board", "board.html"), ($"/board/{itemId}", "item.html") })
            {
                var staticRun = await WrkAsync(new Uri(baseUri, $"{StaticPath.TrimStart('/')}/{file}"), seconds, null, log);
                var cached = await WrkAsync(new Uri(baseUri, page.TrimStart('/')), seconds, null, log);
                var uncached = await WrkAsync(new Uri(baseUri, page.TrimStart('/')), seconds, $"Cookie: {cookie}=not-a-ticket", log);
                var name = page == "/board" ? "/board" : "/board/{id}";
                rows.Add(new($"{name} cached, requests/s", cached.RequestsPerSecond, "req/s", "static file, same bytes", staticRun.RequestsPerSecond,
                    "≥ 0.8× static", cached.RequestsPerSecond >= 0.8 * staticRun.RequestsPerSecond));
                rows.Add(new($"{name} uncached, requests/s", uncached.RequestsPerSecond, "req/s", "static file, same bytes", staticRun.RequestsPerSecond,
                    "≥ 0.25× static", uncached.RequestsPerSecond >= 0.25 * staticRun.RequestsPerSecond));
                rows.Add(new($"{name} cached, p99 at 32 connections", cached.P99Milliseconds, "ms", "static file p99", staticRun.P99Milliseconds,
                    "< 50 ms", cached.P99Milliseconds < 50));
                rows.Add(new($"{name} uncached, p99 at 32 connections", uncached.P99Milliseconds, "ms", "static file p99", staticRun.P99Milliseconds,
                    "< 50 ms", uncached.P99Milliseconds < 50));
            }
            return rows;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { staticFolder, dataDirectory })
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>A throwaway self-signed certificate for 127.0.0.1 (wrk does not verify certificates).</summary>
    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static async Task<WrkResult> WrkAsync(Uri uri, int seconds, string? header, Action<string> log)
    {
        var start = new ProcessStartInfo(Wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--latency", "-t2", "-c32", $"-d{seconds}s" }) start.ArgumentList.Add(argument);
        if (header is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }
        start.ArgumentList.Add(uri.ToString());
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = WrkResult.Parse(output);
        log($"{uri.AbsolutePath}{(header is null ? "" : " (sign-in cookie)")}: {result.RequestsPerSecond:N0} req/s, p99 {result.P99Milliseconds:F2} ms, {result.Errors} non-2xx/errors");
        if (result.Errors > 0) throw new InvalidOperationException($"wrk saw errors on {uri}:\n{output}");
        return result;
    }

    [GeneratedRegex("""href="/?board/(\d+)["?]""")]
    private static partial Regex ItemLink();

    /// <summary>The figures wrk prints: "Requests/sec:", the 99% line of "--latency" and any non-2xx or socket errors.</summary>
    public sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds, int Errors)
    {
        public static WrkResult Parse(string output)
        {
            var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
            var p99 = Regex.Match(output, @"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!rps.Success || !p99.Success) throw new FormatException($"Not wrk --latency output:\n{output}");
            var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
            var milliseconds = p99.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
            var errors = Regex.Matches(output, @"Non-2xx or 3xx responses:\s+(\d+)|Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
                .Sum(m => m.Groups.Values.Skip(1).Where(g => g.Success).Sum(g => int.Parse(g.Value, CultureInfo.InvariantCulture)));
            return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), milliseconds, errors);
        }
    }

    /// <summary>The real app (Production, demo seed) plus the captured pages as static files, first in the pipeline.</summary>
    private sealed class Factory(string dataDirectory, string staticFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Demo:Seed", "true");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new StaticFolder(staticFolder)));
        }
    }

    private sealed class StaticFolder(string folder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = StaticPath });
            next(app);
        };
    }
}
