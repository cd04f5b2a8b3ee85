namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// The limits on live (interactive) connections, section "Circuits". Each bounds what one misbehaving client can take from
/// everyone else on a small server: memory (circuits per person, unacknowledged batches, message size) and CPU (events a second).
/// </summary>
public sealed class CircuitLimitsOptions
{
    public const string Section = "Circuits";

    /// <summary>Open windows (circuits) one signed-in person may hold at once; more are refused with a message.</summary>
    public int MaxPerUser { get; set; } = 20;

    /// <summary>Open circuits one anonymous address may hold (the public pages are mostly static; a few are live).</summary>
    public int MaxPerAnonymousAddress { get; set; } = 50;

    /// <summary>Sustained inbound calls (clicks, keystrokes, interop calls) a circuit may make a second…</summary>
    public double InboundPerSecond { get; set; } = 30;

    /// <summary>…with bursts up to this many; beyond that each call waits its turn (the circuit is slowed).</summary>
    public int InboundBurst { get; set; } = 60;

    /// <summary>A circuit kept over its rate this long without a break is disconnected.</summary>
    public TimeSpan OverLimitBeforeDisconnect { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest message a client may send. The largest legitimate one is the draft editor's body (up to 100,000
    /// characters, three bytes each in UTF-8) sent whole with an input event; file uploads stream in 31 KB chunks.
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 320 * 1024;

    /// <summary>Render batches the server keeps for a client that has not acknowledged them; then it stops rendering for it.</summary>
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>
    /// On PostgreSQL each node marks its live circuits (<see cref="ClusterCircuitLedger"/>) as still held this often…
    /// </summary>
    public TimeSpan ClusterHeartbeat { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// …and a mark not renewed for this long stops counting: the circuits of a node that died without closing them are
    /// given back to their people after this long. Three heartbeats, so one slow or missed beat loses nothing.
    /// </summary>
    public TimeSpan ClusterExpiry { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a circuit whose connection dropped is kept for the browser to reconnect.</summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);
}
