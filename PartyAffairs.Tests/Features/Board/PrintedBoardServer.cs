using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The real app with the demo seed and the printed board's own branches (<see cref="PrintedBoardCast"/>).</summary>
public sealed class PrintedBoardServer : IAsyncLifetime
{
    /// <summary>The public address the printed links and QR codes must carry, whatever Host a request names.</summary>
    public const string PublicBaseUrl = "https://dangwu.example.gov.cn/";

    public AppServer Server { get; } = AppServer.With(new Dictionary<string, string> { ["Board:PublicBaseUrl"] = PublicBaseUrl });

    public PrintedBoardCast Cast { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Cast = await PrintedBoardCast.CreateAsync(Server.Services, "H");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
