using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// Guards Blazor's hub (every live page talks through it): a person may hold only so many circuits at once (counted on
/// every node together on PostgreSQL: <see cref="ICircuitLedger"/>), and each connection's inbound calls are rate-limited
/// (per connection, so per node: the throttle guards the CPU of the node the connection is on). HTTP rate limiting does not see these calls, which travel inside the
/// WebSocket. A refused circuit is told why through the page's error bar (blazor.web.js shows it on "JS.Error").
/// </summary>
public sealed class CircuitLimitsFilter(
    ICircuitLedger ledger, IOptions<CircuitLimitsOptions> options, TimeProvider time, IStringLocalizer<CircuitStrings> text,
    ILogger<CircuitLimitsFilter> logger) : IHubFilter
{
    private static readonly object SlotKey = new();
    private static readonly object ThrottleKey = new();

    // Answers to calls the server itself started (render acknowledgements, interop results) and upload chunks are
    // bounded by the server, not by the client's will; everything else a client can send at will is counted.
    private static readonly HashSet<string> ServerPaced = ["OnRenderCompleted", "EndInvokeJSFromDotNet", "ReceiveJSDataChunk"];
    private static readonly HashSet<string> StartsCircuit = ["StartCircuit", "ConnectCircuit", "ResumeCircuit"];

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var method = invocationContext.HubMethodName;
        if (StartsCircuit.Contains(method)) return await AdmitAsync(invocationContext, next);
        if (!ServerPaced.Contains(method))
        {
            if (context.Items.TryGetValue(ThrottleKey, out var existing) is false || existing is not InboundThrottle throttle)
                context.Items[ThrottleKey] = throttle = new InboundThrottle(options.Value, time);
            switch (throttle.Take())
            {
                case null:
                    logger.LogWarning("Disconnecting {ConnectionId} ({Holder}): over {Rate} calls a second for too long",
                        context.ConnectionId, Holder(context), options.Value.InboundPerSecond);
                    context.Abort();
                    return null;
                case { } wait when wait > TimeSpan.Zero:
                    await Task.Delay(wait, time, context.ConnectionAborted);
                    break;
            }
        }
        return await next(invocationContext);
    }

    /// <summary>The client method (circuit-start.js) that puts a refusal's reason in the page's error bar.</summary>
    public const string RefusedMethod = "PartyAffairs.Refused";

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        await ReleaseAsync(context.Context);
        await next(context, exception);
    }

    private async ValueTask<object?> AdmitAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        // A second start on the same connection is Blazor's to refuse; it holds one slot at most.
        if (context.Items.ContainsKey(SlotKey)) return await next(invocationContext);

        var holder = Holder(context);
        var limit = holder.StartsWith("user:", StringComparison.Ordinal) ? options.Value.MaxPerUser : options.Value.MaxPerAnonymousAddress;
        // The taking is recorded before it is awaited: a connection that ends meanwhile (the shared ledger is a database
        // round trip away) then waits for it in OnDisconnectedAsync and gives the slot back, instead of leaving it held.
        var taking = ledger.TryTakeAsync(holder, limit, CancellationToken.None).AsTask();
        context.Items[SlotKey] = taking;
        if (await taking is null)
        {
            context.Items.Remove(SlotKey);
            logger.LogWarning("Refused a circuit for {Holder}: already {Limit} open", holder, limit);
            var reason = text["Circuits.TooMany", limit].Value;
            // The reason for the error bar (circuit-start.js), then Blazor's own error message, which shows the bar.
            await invocationContext.Hub.Clients.Caller.SendAsync(RefusedMethod, reason, context.ConnectionAborted);
            await invocationContext.Hub.Clients.Caller.SendAsync("JS.Error", reason, context.ConnectionAborted);
            // As Blazor does with a start it refuses: the message first, then the connection goes.
            context.Abort();
            return null;
        }
        try
        {
            var result = await next(invocationContext);
            if (result is null or false) await ReleaseAsync(context);
            return result;
        }
        catch
        {
            await ReleaseAsync(context);
            throw;
        }
    }

    private async ValueTask ReleaseAsync(HubCallerContext context)
    {
        if (context.Items.Remove(SlotKey, out var taking) && await (Task<CircuitSlot?>)taking! is { } slot) await ledger.GiveAsync(slot);
    }

    private static string Holder(HubCallerContext context) =>
        context.User?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? $"user:{userId}"
            : $"address:{context.GetHttpContext()?.Connection.RemoteIpAddress}";
}
