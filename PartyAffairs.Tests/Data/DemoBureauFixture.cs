using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>One demo-seeded harness shared by tests that only read it: seeding hashes eight passwords and writes a year of records.</summary>
public sealed class DemoBureauFixture : IAsyncLifetime
{
    public ServiceHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await ServiceHarness.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
