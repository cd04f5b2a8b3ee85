namespace PartyAffairs.Tests.Support;

/// <summary>
/// Two app nodes on one database of a PostgreSQL cluster of the class's own, with the per-address limits small enough to
/// reach: feedback <see cref="FeedbackPermitLimit"/> posts a window, sign-in <see cref="SignInPermitLimit"/>. Starts nothing
/// when no PostgreSQL is installed (the tests then skip).
/// </summary>
public sealed class ClusterNodesFixture : IAsyncLifetime
{
    public const int FeedbackPermitLimit = 4;
    public const int SignInPermitLimit = 5;

    // Shared windows are aligned to the clock; a day's window keeps a test's few seconds of posts from straddling two.
    private const string Window = "86400";

    private readonly PostgresCluster cluster = new();
    private ClusterNodes? nodes;

    public ClusterNodes Nodes => nodes ?? throw new InvalidOperationException("No PostgreSQL: the test should have skipped.");

    public async Task InitializeAsync()
    {
        await cluster.InitializeAsync();
        if (PostgresCluster.BinDirectory is null) return;
        nodes = await ClusterNodes.StartAsync(cluster, new Dictionary<string, string>
        {
            ["Feedback:PermitLimit"] = FeedbackPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feedback:WindowSeconds"] = Window,
            ["SignIn:PermitLimit"] = SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:WindowSeconds"] = Window,
        });
    }

    public async Task DisposeAsync()
    {
        if (nodes is not null) await nodes.DisposeAsync();
        await cluster.DisposeAsync();
    }
}
