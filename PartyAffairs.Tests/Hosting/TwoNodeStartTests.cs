using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Two nodes started at the same moment on an empty PostgreSQL database (<see cref="TwoNodesStartedTogether"/>), as after a
/// reboot: the migrations are applied once, the demo is seeded once, and a cookie issued by either node is read by the other.
/// </summary>
[Trait("Category", "PostgreSQL")]
[Collection(TwoNodeCollection.Name)]
public sealed class TwoNodeStartTests(TwoNodesStartedTogether nodes, ITestOutputHelper log) : IClassFixture<TwoNodesStartedTogether>
{
    [SkippableFact]
    public async Task Started_together_on_an_empty_database_they_migrate_once_seed_once_and_read_each_others_cookies()
    {
        PostgresCluster.SkipIfUnavailable();
        log.WriteLine($"started together; {nodes.Nodes.Count} of 2 up after {nodes.StartedIn.TotalSeconds:0.0} s");
        nodes.Failure.ShouldBeNull("both nodes start");
        nodes.Nodes.ShouldAllBe(n => !n.HasExited);

        await using (var db = NewDb())
        {
            var applied = await db.Database.GetAppliedMigrationsAsync();
            applied.ShouldBe(db.Database.GetMigrations(), "every migration applied, each once");
        }
        await using (var connection = new NpgsqlConnection(nodes.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = '__EFMigrationsHistory'", connection);
            ((long)(await tables.ExecuteScalarAsync())!).ShouldBe(1, "one migrations history");
        }

        // What one seeding makes, counted on a harness of its own (the service tests' database, seeded once).
        (int Users, int Organizations, int Disclosures) once, here;
        await using (var single = await ServiceHarness.CreateAsync(seedDemo: true))
        await using (var db = single.NewDb())
        {
            once = (await db.Users.CountAsync(), await db.Organizations.CountAsync(), await db.Disclosures.CountAsync());
        }
        await using (var db = NewDb())
        {
            here = (await db.Users.CountAsync(), await db.Organizations.CountAsync(), await db.Disclosures.CountAsync());
        }
        log.WriteLine($"users, organizations, disclosures: one seeding {once}, the two nodes' database {here}");
        here.ShouldBe(once, "the demo is seeded once");

        foreach (var (from, to) in new[] { (nodes.Nodes[0], nodes.Nodes[1]), (nodes.Nodes[1], nodes.Nodes[0]) })
        {
            var cookie = await CircuitClient.SignInAsync(from.BaseAddress, "member");
            (await IsSignedInAsync(from.BaseAddress, cookie)).ShouldBeTrue($"signed in on {from.BaseAddress}");
            (await IsSignedInAsync(to.BaseAddress, cookie)).ShouldBeTrue($"the cookie from {from.BaseAddress} is read on {to.BaseAddress}");
        }
    }

    private AppDbContext NewDb() => nodes.NewDb();

    private static async Task<bool> IsSignedInAsync(Uri node, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage/ChangePassword");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
