using Npgsql;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// The PostgreSQL the multi-node tests will run on (issue 22): the fixture's cluster starts, and a database it makes finds
/// Chinese by trigram — archive search on PostgreSQL depends on it, and a database with <c>LC_CTYPE</c> <c>C</c> would find nothing.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgresClusterTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [SkippableFact]
    public async Task A_database_made_by_the_fixture_finds_chinese_by_trigram()
    {
        PostgresCluster.SkipIfUnavailable();
        await using var connection = new NpgsqlConnection(await cluster.CreateDatabaseAsync("trigrams"));
        await connection.OpenAsync();

        (await ScalarAsync<string>(connection, "SHOW lc_ctype")).ShouldBe("C.UTF-8");
        await ScalarAsync<object>(connection, "CREATE EXTENSION pg_trgm");
        (await ScalarAsync<int>(connection, "SELECT cardinality(show_trgm('党务公开工作'))")).ShouldBeGreaterThan(0);
        (await ScalarAsync<bool>(connection, "SELECT '2026年党务公开工作报告' ILIKE '%党务公开%'")).ShouldBeTrue();
        (await ScalarAsync<float>(connection, "SELECT similarity('党务公开工作', '党务公开')")).ShouldBeGreaterThan(0.3f);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
