using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// The built app (<c>dotnet PartyAffairs.App.dll</c>, as an operator starts a node) as a child process on a loopback port,
/// with <see cref="AppServer.TestSettings"/> and the given settings as environment variables. Unlike the in-process
/// <see cref="AppServer"/> it can die as a machine does: <see cref="Kill"/> is SIGKILL, no shutdown, no flush.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; private set; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the node wrote (stdout and stderr), to explain a failure.</summary>
    public string Tail
    {
        get
        {
            lock (output) return string.Join('\n', output.TakeLast(40));
        }
    }

    /// <summary>Starts the node and returns once it answers <c>/healthz</c> (its database initialized).</summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // The test build holds the app's dll with its runtimeconfig and deps (it references the project).
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartyAffairs.App.dll"));
        // Port 0: Kestrel picks a free one and logs it, so two nodes never race for a port chosen in advance.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = AppServer.TestEnvironment;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in AppServer.TestSettings(dataDirectory).Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The node did not start.");
        var node = new AppProcess(process, new Uri("http://127.0.0.1/"));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (node.output) node.output.Add(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // Kestrel listens once the database is migrated and seeded (Program.cs initializes first), which on an empty
            // PostgreSQL database with the demo takes a while on a loaded machine.
            var exited = process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(3), cancellationToken));
            if (first != listening.Task) throw new InvalidOperationException($"The node did not start listening:\n{node.Tail}");
            node.BaseAddress = await listening.Task;
            using var http = new HttpClient { BaseAddress = node.BaseAddress };
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    using var health = await http.GetAsync("healthz", cancellationToken);
                    return health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), $"the node at {node.BaseAddress} answers /healthz");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SIGKILL on Linux: the node dies mid-whatever, as when its machine loses power. Returns once the signal is sent, not
    /// when the kernel has torn the process down, so a request right after it meets the node as it dies.
    /// </summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
