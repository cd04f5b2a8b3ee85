using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The real app with the demo seed and the printed board's own branches (<see cref="PrintedBoardCast"/>).</summary>
public sealed class PrintedBoardServer : IAsyncLifetime
{
    public AppServer Server { get; } = new();

    public PrintedBoardCast Cast { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Cast = await PrintedBoardCast.CreateAsync(Server.Services, "H");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
