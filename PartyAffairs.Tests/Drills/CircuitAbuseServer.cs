using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// The real app on loopback with its circuit limits lowered so each abuse drill trips them within a couple of seconds:
/// 5 circuits a person, 20 calls a second (bursts of 20), disconnected after 2 s over the rate.
/// </summary>
public sealed class CircuitAbuseServer : IAsyncLifetime
{
    public const int MaxPerUser = 5;

    public AppServer Server { get; } = AppServer.With(new Dictionary<string, string>
    {
        ["Circuits:MaxPerUser"] = MaxPerUser.ToString(),
        ["Circuits:InboundPerSecond"] = "20",
        ["Circuits:InboundBurst"] = "20",
        ["Circuits:OverLimitBeforeDisconnect"] = "00:00:02",
    });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
