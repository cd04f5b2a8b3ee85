using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users.Import;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Admin.MemberFiles;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>
/// Issue 22: an import's initial passwords, made on one node, download on the other (the list waits in the shared database,
/// encrypted), still once only, only to the person who imported, and not after the expiry.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class ClusterPasswordListTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private async Task<(ServiceHarness A, ServiceHarness B)> TwoNodesAsync()
    {
        AdminTestData.UseChinese();
        var connectionString = await cluster.CreateDatabaseAsync($"pa_lists_{Guid.NewGuid():N}");
        var a = await ServiceHarness.CreateAsync(postgreSqlDatabase: connectionString);
        var (committeeId, _) = await AdminTestData.CreateOrganizationsAsync(a);
        await a.CreateUserAsync("office", committeeId, Roles.Office);
        return (a, await ServiceHarness.OpenSecondNodeAsync(a));
    }

    private static async Task<Result<MemberImportResult>> ImportAsync(ServiceHarness node, params string[] lines)
    {
        await using var scope = node.NewScope();
        return await node.Get<MemberImportService>(scope).ImportAsync(new MemoryStream(Csv(lines)), "成员.csv");
    }

    private static async Task<Result<byte[]>> TakeAsync(ServiceHarness node, string token)
    {
        await using var scope = node.NewScope();
        return await node.Get<MemberImportService>(scope).TakePasswordListAsync(token);
    }

    [SkippableFact]
    public async Task A_list_made_on_one_node_downloads_once_on_the_other_and_is_stored_encrypted()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync();
        await using (a)
        await using (b)
        {
            await a.SignInAsync("admin");
            await b.SignInAsync("admin");
            var imported = await ImportAsync(a, "李红,lihong,第一党支部,党员,,正式", "王强,wangqiang,第一党支部,党员,,预备");
            imported.Succeeded.ShouldBeTrue(imported.Message);
            (await StoredAsZipAsync(a)).ShouldBe([false], "one list, stored encrypted, not as the xlsx (a zip: PK…) it is");

            var onB = await TakeAsync(b, imported.Value!.PasswordListToken);

            onB.Succeeded.ShouldBeTrue(onB.Message);
            new MemoryStream(onB.Value!).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
                .Select(l => (string?)l["用户名"]).ShouldBe(["lihong", "wangqiang"]);
            (await TakeAsync(a, imported.Value.PasswordListToken)).Status.ShouldBe(ResultStatus.NotFound, "taken once, on any node");
            (await TakeAsync(b, imported.Value.PasswordListToken)).Status.ShouldBe(ResultStatus.NotFound);
            (await RowsAsync(a)).ShouldBe(0, "a downloaded list is deleted");
        }
    }

    [SkippableFact]
    public async Task Someone_elses_download_finds_nothing_and_leaves_the_list_and_an_expired_list_is_gone()
    {
        PostgresCluster.SkipIfUnavailable();
        var (a, b) = await TwoNodesAsync();
        await using (a)
        await using (b)
        {
            await a.SignInAsync("admin");
            var first = await ImportAsync(a, "李红,lihong,第一党支部,党员,,正式");
            var second = await ImportAsync(a, "王强,wangqiang,第一党支部,党员,,预备");

            await b.SignInAsync("office");
            (await TakeAsync(b, first.Value!.PasswordListToken)).Status.ShouldBe(ResultStatus.NotFound, "not the importer's");
            await b.SignInAsync("admin");
            (await TakeAsync(b, first.Value.PasswordListToken)).Succeeded.ShouldBeTrue("left in place for its owner");
            b.Time.Advance(MemberPasswordLists.Lifetime);
            (await TakeAsync(b, second.Value!.PasswordListToken)).Status.ShouldBe(ResultStatus.NotFound, "expired");
        }
    }

    private static async Task<long> RowsAsync(ServiceHarness node)
    {
        await using var connection = new NpgsqlConnection(node.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "ClusterPasswordLists" """, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>For each stored list, whether it begins as a zip file (an xlsx) does.</summary>
    private static async Task<List<bool>> StoredAsZipAsync(ServiceHarness node)
    {
        await using var connection = new NpgsqlConnection(node.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("""SELECT substring("Content" FROM 1 FOR 2) = 'PK'::bytea FROM "ClusterPasswordLists" """, connection);
        var zips = new List<bool>();
        await using var reader = await find.ExecuteReaderAsync();
        while (await reader.ReadAsync()) zips.Add(reader.GetBoolean(0));
        return zips;
    }
}
