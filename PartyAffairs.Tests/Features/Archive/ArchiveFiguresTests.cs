using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>
/// Figures for the closing note, not a pass/fail gate: how long verification of 10,000 archived records takes and how
/// long a register search among them takes. A benchmark (left out of the default run, see the README): it prints and
/// asserts only that the work was done.
/// </summary>
public sealed class ArchiveFiguresTests(ITestOutputHelper output)
{
    private const int Records = 10_000;

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Verify_and_search_ten_thousand_records()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        var organizationId = (await harness.NewDb().Organizations.FindAsync(1))!.Id;
        var seeding = Stopwatch.StartNew();
        var files = await InsertRecordsAsync(harness, organizationId);
        output.WriteLine($"Inserted {Records} chained records ({files} files) in {seeding.Elapsed.TotalSeconds:0.0} s");

        var verify = Stopwatch.StartNew();
        var report = await harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
        verify.Stop();
        report.Passed.ShouldBeTrue(string.Join("; ", report.Problems.Take(5)));
        report.RecordCount.ShouldBe(Records + 1);
        output.WriteLine($"verify-archive: {report.RecordCount} records, {report.FileCount} files in {verify.Elapsed.TotalSeconds:0.00} s");

        await harness.SignInAsync("office");
        foreach (var text in new[] { "党费", "福利院老人", "第 9999 次", "不存在的词语", "" })
        {
            await using var scope = harness.NewScope();
            var service = harness.Get<ArchiveQueryService>(scope);
            await service.ListAsync(new ArchiveFilter(Text: text));
            var search = Stopwatch.StartNew();
            var result = await service.ListAsync(new ArchiveFilter(Text: text));
            search.Stop();
            result.Succeeded.ShouldBeTrue();
            output.WriteLine($"search '{text}': {result.Value!.Total} hits, first page in {search.Elapsed.TotalMilliseconds:0.0} ms");
        }
    }

    /// <summary>Real snapshots and a real chain, written straight to the tables (the writer's per-record transaction would make this a long wait).</summary>
    private static async Task<int> InsertRecordsAsync(ServiceHarness harness, int organizationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(harness.DataDirectory, "partyaffairs.db")};Pooling=False");
        await connection.OpenAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "PRAGMA foreign_keys = OFF;";
            await off.ExecuteNonQueryAsync();
        }
        string? previous; long chain;
        await using (var head = connection.CreateCommand())
        {
            head.CommandText = """SELECT "Digest", "ChainIndex" FROM "ArchiveRecords" ORDER BY "ChainIndex" DESC LIMIT 1""";
            await using var reader = await head.ExecuteReaderAsync();
            await reader.ReadAsync();
            (previous, chain) = (reader.GetString(0), reader.GetInt64(1));
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var at = new DateTime(2025, 12, 20, 2, 0, 0, DateTimeKind.Utc);
        var fileCount = 0;
        for (var i = 1; i <= Records; i++)
        {
            var number = ArchiveRecord.FormatNumber("BENCH", 2025, i);
            var title = i % 2 == 0 ? $"第 {i} 次党费收缴情况公示" : $"第 {i} 次“微心愿”认领活动公示";
            var body = i % 2 == 0 ? $"本季度应交党费 {i % 40} 人，实交 {i % 40} 人。" : $"党员认领社会福利院老人和困境儿童微心愿共 {i % 50} 个。";
            var attachments = new List<ArchiveSnapshot.AttachmentPart>();
            var hashes = new List<string>();
            if (i % 10 == 0)
            {
                var bytes = Encoding.UTF8.GetBytes($"%PDF-1.4 {number} " + new string('x', 20_000));
                var stored = $"{number}/001-清单.pdf";
                Directory.CreateDirectory(Path.Combine(harness.DataDirectory, "archive", number));
                await File.WriteAllBytesAsync(Path.Combine(harness.DataDirectory, "archive", stored), bytes);
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                attachments.Add(new("清单.pdf", "application/pdf", bytes.Length, sha, stored, "u", at));
                hashes.Add(sha);
                fileCount++;
            }
            var disclosure = new ArchiveSnapshot.DisclosurePart(100_000 + i, organizationId, null, "基准", Category.Other, title, body, Channel.Board,
                Audience.Public, at, at, false, false, "u", "基准", at, at, at, at, null, [], null, null, 1, DisclosureState.Closed, 5);
            var snapshot = new ArchiveSnapshot(ArchiveSnapshot.CurrentSchemaVersion, number, ++chain, at, "u", "基准", "BENCH", "基准党支部",
                disclosure, [], attachments, [], [], []);
            var json = snapshot.ToCanonicalJson();
            var digest = ArchiveDigest.Compute(json, hashes, previous);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "ArchiveRecords" ("ArchiveNumber","OrganizationId","Year","Sequence","DisclosureId","Category","Audience","Title",
                    "ArchivedById","ArchivedAtUtc","ChainIndex","CanonicalJson","PreviousDigest","Digest")
                VALUES ($n,$o,2025,$s,$d,$c,$a,$t,'u','2025-12-20 02:00:00',$i,$j,$p,$g);
                INSERT INTO "ArchiveFiles" ("ArchiveRecordId","FileName","StoredPath","SizeBytes","Sha256")
                SELECT last_insert_rowid(), $fn, $fp, $fs, $fh WHERE $fp IS NOT NULL;
                """;
            insert.Parameters.AddWithValue("$n", number);
            insert.Parameters.AddWithValue("$o", organizationId);
            insert.Parameters.AddWithValue("$s", i);
            insert.Parameters.AddWithValue("$d", disclosure.Id);
            insert.Parameters.AddWithValue("$c", (int)Category.Other);
            insert.Parameters.AddWithValue("$a", (int)Audience.Public);
            insert.Parameters.AddWithValue("$t", title);
            insert.Parameters.AddWithValue("$i", chain);
            insert.Parameters.AddWithValue("$j", json);
            insert.Parameters.AddWithValue("$p", (object?)previous ?? DBNull.Value);
            insert.Parameters.AddWithValue("$g", digest);
            var file = attachments.FirstOrDefault();
            insert.Parameters.AddWithValue("$fn", (object?)file?.FileName ?? DBNull.Value);
            insert.Parameters.AddWithValue("$fp", (object?)file?.ArchivedPath ?? DBNull.Value);
            insert.Parameters.AddWithValue("$fs", (object?)file?.SizeBytes ?? DBNull.Value);
            insert.Parameters.AddWithValue("$fh", (object?)file?.Sha256 ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
            previous = digest;
        }
        await transaction.CommitAsync();
        return fileCount;
    }
}
