using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Benchmarks.Circuits;

/// <summary>The browser-free client the circuit benchmarks and drills rely on really drives a live dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitClientTests(AppServer server)
{
    [Fact]
    public async Task A_dashboard_circuit_starts_renders_its_data_and_answers_the_pages_interop()
    {
        var cookie = await CircuitClient.SignInAsync(server.BaseAddress, "office");
        var page = await CircuitClient.FetchPageAsync(server.BaseAddress, "/dashboard", cookie);
        page.Markers.ShouldNotBeEmpty();

        // The dashboard's cards come with its data (the "updated at" caption), after the interactive load.
        await using var client = await CircuitClient.StartAsync(server.BaseAddress, page, cookie, readyText: "dashboard-updated");
        client.Closed.IsCompleted.ShouldBeFalse();
        client.Error.ShouldBeNull();
        client.Batches.ShouldBeGreaterThan(0);
    }
}
