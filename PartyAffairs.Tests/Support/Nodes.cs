using Microsoft.Extensions.DependencyInjection;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// App containers on one PostgreSQL database, as the nodes of a deployment are: each has its own data folder, clock, caches,
/// leases and connections, and they share only the database.
/// </summary>
public static class Nodes
{
    /// <summary>A new empty database on the cluster.</summary>
    public static Task<string> EmptyDatabaseAsync(PostgresCluster cluster) =>
        cluster.CreateDatabaseAsync("nodes_" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>Starts <paramref name="count"/> nodes at the same moment, each on a thread of its own, so their initializers race.</summary>
    public static async Task<ServiceHarness[]> StartTogetherAsync(string database, int count, bool seedDemo = false,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var starts = Enumerable.Range(0, count)
            .Select(_ => Task.Run(() => StartAsync(database, seedDemo, settings, configure)))
            .ToList();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) await start.Result.DisposeAsync();
            throw;
        }
    }

    public static Task<ServiceHarness> StartAsync(string database, bool seedDemo = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null) =>
        ServiceHarness.CreateAsync(seedDemo: seedDemo, migrateFromEmpty: true, postgreSqlDatabase: database, settings: settings, configure: configure);
}
