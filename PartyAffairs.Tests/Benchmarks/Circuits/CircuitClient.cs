using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace PartyAffairs.Tests.Benchmarks.Circuits;

/// <summary>
/// A Blazor Server circuit without a browser: the few hub calls blazor.web.js makes, over SignalR with the
/// MessagePack protocol under the name Blazor uses ("blazorpack"). It fetches the page with the sign-in cookie,
/// starts a circuit, adds the page's prerendered root components, acknowledges every render batch (unless told not
/// to) and answers every JavaScript interop call with success and an empty result, so MudBlazor's calls never hang. It can
/// also hand a page's [JSInvokable] callback a stream, as a script passing a Blob does (the draft editor's text).
/// Render batches are not decoded: a batch "contains" a text when its UTF-8 bytes appear in it (the string table).
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private const int JSObjectReferenceResult = 1;

    private readonly HubConnection connection;
    private readonly bool acknowledge;
    private readonly Lock gate = new();
    private readonly List<(byte[] Needle, TaskCompletionSource<long> Seen)> watchers = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<string> Seen)> matchers = [];
    private readonly List<(string Identifier, TaskCompletionSource<long> Seen)> objectWatchers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte[]> outgoingStreams = new();
    private int jsObjectIds;
    private long batches;
    private long dotNetResults;
    private long batchBytes;

    private readonly Uri baseAddress;
    private readonly string cookie;
    private string? secret;

    private CircuitClient(HubConnection connection, bool acknowledge, Uri baseAddress, string cookie)
    {
        this.connection = connection;
        this.baseAddress = baseAddress;
        this.cookie = cookie;
        this.acknowledge = acknowledge;
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        connection.On<string>("JS.Error", error => Error = error);
        connection.On<string, bool, string?>("JS.EndInvokeDotNet", (_, _, _) => Interlocked.Increment(ref dotNetResults));
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The hub connection itself, for drills that misbehave on purpose.</summary>
    public HubConnection Connection => connection;

    /// <summary>Completes when the server closes the connection (or it fails).</summary>
    public Task Closed => closed.Task;

    /// <summary>The last error the server reported to this client (JS.Error), e.g. why it refused a circuit.</summary>
    public string? Error { get; private set; }

    public long Batches => Interlocked.Read(ref batches);

    public long BatchBytes => Interlocked.Read(ref batchBytes);

    /// <summary>Answers the server has sent to this client's calls into .NET (BeginInvokeDotNetFromJS).</summary>
    public long DotNetResults => Interlocked.Read(ref dotNetResults);

    /// <summary>
    /// A call from "JavaScript" into a .NET method that does not exist, with <paramref name="argsJson"/> as its arguments: the
    /// cheapest inbound message a page can send, which Blazor answers with a failure. Drills use it as a click.
    /// </summary>
    public Task SendDotNetCallAsync(string argsJson = "[]", CancellationToken cancellationToken = default) =>
        connection.SendAsync("BeginInvokeDotNetFromJS", "1", "PartyAffairs.App", "NoSuchMethod", 0L, argsJson, cancellationToken);

    /// <summary>Signs in through the real login form and returns the cookies to send (name=value; …).</summary>
    public static async Task<string> SignInAsync(Uri baseAddress, string userName, string password = "Demo@2026", CancellationToken cancellationToken = default)
    {
        // The app marks its cookies Secure; .NET's CookieContainer would not send them over plain loopback http, so they
        // are carried by hand.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var cookies = new Dictionary<string, string>();
        using var form = await http.GetAsync("/Account/Login", cancellationToken);
        Collect(form, cookies);
        var html = await form.Content.ReadAsStringAsync(cancellationToken);
        // The form's hidden fields (antiforgery token, the form's name) as the browser posts them.
        var fields = HiddenInput().Matches(html)
            .Select(i => (Name: Attribute(i.Value, "name"), Value: Attribute(i.Value, "value")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => f.Name!, f => WebUtility.HtmlDecode(f.Value ?? ""));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", Header(cookies));
        using var signedIn = await http.SendAsync(post, cancellationToken);
        Collect(signedIn, cookies);
        if (!cookies.ContainsKey(".AspNetCore.Identity.Application"))
            throw new InvalidOperationException($"Sign-in as {userName} failed ({(int)signedIn.StatusCode}).");
        return Header(cookies);
    }

    /// <summary>The prerendered page: its root component markers and persisted state, as the browser would read them.</summary>
    public static async Task<CircuitPage> FetchPageAsync(Uri baseAddress, string path, string cookie, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m.ContainsKey("descriptor"))
            .ToList();
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return new CircuitPage(new Uri(baseAddress, path), markers, state);
    }

    /// <summary>
    /// Starts a circuit for <paramref name="page"/> and returns once a render batch holding <paramref name="readyText"/> has
    /// arrived (by default the first batch). <paramref name="acknowledgeBatches"/> false makes a client that never confirms
    /// a batch (a drill). A refused circuit returns at once with <see cref="Error"/> set or the connection closed.
    /// <paramref name="beforeStart"/> sees the client before its first batch (to watch for what that batch may hold).
    /// </summary>
    public static async Task<CircuitClient> StartAsync(Uri baseAddress, CircuitPage page, string cookie, bool acknowledgeBatches = true,
        string readyText = "", CancellationToken cancellationToken = default, Action<CircuitClient>? beforeStart = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var client = new CircuitClient(builder.Build(), acknowledgeBatches, baseAddress, cookie);
        var ready = client.WatchForAsync(readyText);
        beforeStart?.Invoke(client);
        await client.connection.StartAsync(cancellationToken);
        try
        {
            client.secret = await client.connection.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), page.Uri.ToString(), "[]",
                page.ApplicationState, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused: the server said why (JS.Error) and closed the connection before answering.
        }
        if (client.secret is null)
        {
            await client.Closed.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return client;
        }
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(page.Markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker.DeepClone(),
            }).ToArray()),
        };
        await client.connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), page.ApplicationState, cancellationToken);
        await Task.WhenAny(ready, client.Closed).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return client;
    }

    /// <summary>The Stopwatch timestamp of the first batch from now on whose bytes contain <paramref name="text"/>.</summary>
    public Task<long> WatchForAsync(string text)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) watchers.Add((Encoding.UTF8.GetBytes(text), seen));
        return seen.Task;
    }

    /// <summary>The first match of <paramref name="pattern"/> in a batch from now on (its bytes read as UTF-8), e.g. a link a list rendered.</summary>
    public Task<string> WatchForMatchAsync(Regex pattern)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) matchers.Add((pattern, seen));
        return seen.Task;
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batchBytes, data.Length);
        lock (gate)
        {
            for (var i = watchers.Count - 1; i >= 0; i--)
            {
                if (data.AsSpan().IndexOf(watchers[i].Needle) < 0) continue;
                watchers[i].Seen.TrySetResult(at);
                watchers.RemoveAt(i);
            }
            if (matchers.Count > 0)
            {
                var text = Encoding.UTF8.GetString(data);
                for (var i = matchers.Count - 1; i >= 0; i--)
                {
                    if (matchers[i].Pattern.Match(text) is not { Success: true } match) continue;
                    matchers[i].Seen.TrySetResult(match.Value);
                    matchers.RemoveAt(i);
                }
            }
        }
        if (acknowledge) await connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    /// <summary>
    /// The id of the first .NET object reference the page hands to a JavaScript function named <paramref name="identifier"/>
    /// from now on (e.g. the rich editor's <c>create</c>, which passes the component for its [JSInvokable] callbacks).
    /// </summary>
    public Task<long> WatchForDotNetObjectAsync(string identifier)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) objectWatchers.Add((identifier, seen));
        return seen.Task;
    }

    /// <summary>
    /// What blazor.web.js does when a script passes a Blob to .NET: calls <paramref name="method"/> of the .NET object
    /// <paramref name="dotNetObjectId"/> with a JS stream reference, and sends <paramref name="content"/> in chunks when the
    /// server reads that stream (<c>Blazor._internal.sendJSDataStream</c>, then <c>ReceiveJSDataChunk</c>).
    /// </summary>
    public Task SendStreamToDotNetAsync(long dotNetObjectId, string method, byte[] content, CancellationToken cancellationToken = default)
    {
        var streamObjectId = Interlocked.Increment(ref jsObjectIds);
        outgoingStreams[streamObjectId] = content;
        var args = $"[{{\"__jsObjectId\":{streamObjectId},\"__jsStreamReferenceLength\":{content.Length}}}]";
        return connection.SendAsync("BeginInvokeDotNetFromJS", $"stream{streamObjectId}", null, method, dotNetObjectId, args, cancellationToken);
    }

    private async Task SendChunksAsync(long streamId, byte[] content, int chunkSize)
    {
        for (long chunk = 0, at = 0; at < content.Length; chunk++, at += chunkSize)
        {
            var part = content.AsSpan((int)at, (int)Math.Min(chunkSize, content.Length - at)).ToArray();
            if (!await connection.InvokeAsync<bool>("ReceiveJSDataChunk", streamId, chunk, part, (string?)null)) return;
        }
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        lock (gate)
        {
            for (var i = objectWatchers.Count - 1; i >= 0; i--)
            {
                if (objectWatchers[i].Identifier != identifier || DotNetObject().Match(argsJson) is not { Success: true } reference) continue;
                objectWatchers[i].Seen.TrySetResult(long.Parse(reference.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                objectWatchers.RemoveAt(i);
            }
        }
        (long Id, byte[] Content, int ChunkSize)? send = null;
        if (identifier == "Blazor._internal.sendJSDataStream" && JsonNode.Parse(argsJson) is JsonArray { Count: >= 3 } stream
            && outgoingStreams.TryRemove(stream[0]!["__jsObjectId"]!.GetValue<long>(), out var content))
        {
            send = (stream[1]!.GetValue<long>(), content, stream[2]!.GetValue<int>());
        }
        await AnswerAsync(asyncHandle, resultType);
        // After the answer, and not awaited: this handler holds the connection's receive loop, which must go on to read the
        // chunks' answers.
        if (send is { } s) _ = Task.Run(() => SendChunksAsync(s.Id, s.Content, s.ChunkSize));
    }

    private async Task AnswerAsync(long asyncHandle, int resultType)
    {
        // Fire-and-forget calls (handle 0) expect no answer. A call that asks for a JS object (an imported module)
        // gets a fresh object id, so the component's next call on it also reaches us and is answered.
        if (asyncHandle == 0) return;
        object? result = resultType == JSObjectReferenceResult
            ? new Dictionary<string, int> { ["__jsObjectId"] = Interlocked.Increment(ref jsObjectIds) }
            : null;
        var arguments = JsonSerializer.Serialize(new object?[] { asyncHandle, true, result });
        await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, arguments);
    }

    /// <summary>
    /// Closes as a browser tab does: tells the server the circuit is over (the beacon blazor.web.js sends on unload), so it is
    /// disposed at once rather than kept for a reconnection.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (secret is not null && !closed.Task.IsCompleted)
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/disconnect")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = secret }),
            };
            request.Headers.Add("Cookie", cookie);
            using var _ = await http.SendAsync(request);
        }
        await AbandonAsync();
    }

    /// <summary>Drops the connection without a word, as a lost network does: the server keeps the circuit for a while.</summary>
    public async ValueTask AbandonAsync()
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception) when (closed.Task.IsCompleted)
        {
            // Already gone: the server closed it.
        }
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq > 0) cookies[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("\"__dotNetObject\":(\\d+)")]
    private static partial Regex DotNetObject();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex PersistedState();
}
