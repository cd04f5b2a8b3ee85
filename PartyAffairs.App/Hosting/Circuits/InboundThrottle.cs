namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// A token bucket for one connection's inbound calls. A call within the rate passes at once; over it, the call waits for
/// its token (the connection's calls run one at a time, so the whole client slows down). Calls that keep waiting without
/// a break for <see cref="CircuitLimitsOptions.OverLimitBeforeDisconnect"/> mark the client as abusive.
/// </summary>
public sealed class InboundThrottle(CircuitLimitsOptions limits, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = limits.InboundBurst;
    private long refilledAt = time.GetTimestamp();
    private long? overLimitSince;

    /// <summary>How long this call must wait, or null when the client has been over its rate too long and must go.</summary>
    public TimeSpan? Take()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(limits.InboundBurst, tokens + time.GetElapsedTime(refilledAt, now).TotalSeconds * limits.InboundPerSecond);
            refilledAt = now;
            tokens -= 1;
            if (tokens >= 0)
            {
                overLimitSince = null;
                return TimeSpan.Zero;
            }
            overLimitSince ??= now;
            if (time.GetElapsedTime(overLimitSince.Value, now) > limits.OverLimitBeforeDisconnect) return null;
            return TimeSpan.FromSeconds(-tokens / limits.InboundPerSecond);
        }
    }
}
