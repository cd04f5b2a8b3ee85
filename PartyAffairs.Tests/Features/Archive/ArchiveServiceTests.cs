using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Archive;

public sealed class ArchiveServiceTests : ArchiveTestBase
{
    [Fact]
    public async Task The_year_end_list_comes_a_page_at_a_time_and_the_bulk_run_walks_what_it_may_archive_in_the_same_order()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add(await ClosedDisclosureAsync(openFeedback: i == 2));
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<ArchiveService>(scope);

        var pages = new List<ReadyListView>();
        for (var page = 0; page < 3; page++) pages.Add((await service.ListReadyAsync(new ReadyFilter(null, page, 2))).Value!);
        pages.ShouldAllBe(p => p.Total == 5 && p.Archivable == 4);
        pages.Select(p => p.Rows.Count).ShouldBe([2, 2, 1]);
        var listed = pages.SelectMany(p => p.Rows).ToList();
        listed.Select(r => r.Id).ShouldBe(ids);
        listed.Single(r => r.Id == ids[2]).OpenFeedback.ShouldBe(1);

        var walked = new List<int>();
        ReadyRow? last = null;
        while ((await service.NextArchivableAsync(null, last, 2)).Value is { Count: > 0 } batch)
        {
            walked.AddRange(batch.Select(r => r.Id));
            last = batch[^1];
        }
        walked.ShouldBe(ids.Where(id => id != ids[2]));
    }

    [Fact]
    public async Task A_drafter_is_refused_and_nothing_is_written()
    {
        var id = await ClosedDisclosureAsync(withAttachment: true);
        await harness.SignInAsync("drafter");

        var result = await ArchiveAsync(id);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldNotBeNullOrWhiteSpace();
        await ShouldHaveNoArchiveAsync();
    }

    [Fact]
    public async Task The_secretary_of_another_organization_is_refused_and_the_own_secretary_may_archive()
    {
        var id = await ClosedDisclosureAsync();

        await harness.SignInAsync("other-secretary");
        (await ArchiveAsync(id)).Status.ShouldBe(ResultStatus.Forbidden);
        await harness.SignInAsync("secretary");
        (await ArchiveAsync(id)).Value.ShouldBe("TST-2026-0001");
    }

    [Fact]
    public async Task A_disclosure_with_open_feedback_is_refused()
    {
        var id = await ClosedDisclosureAsync(openFeedback: true);
        await harness.SignInAsync("office");

        var result = await ArchiveAsync(id);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message!.ShouldContain("1");
        await ShouldHaveNoArchiveAsync();
    }

    [Fact]
    public async Task A_disclosure_still_on_display_is_refused_and_one_cannot_be_archived_twice()
    {
        var published = await ClosedDisclosureAsync(close: false);
        var closed = await ClosedDisclosureAsync();
        await harness.SignInAsync("office");

        (await ArchiveAsync(published)).Status.ShouldBe(ResultStatus.Invalid);
        (await ArchiveAsync(closed)).Succeeded.ShouldBeTrue();
        (await ArchiveAsync(closed)).Status.ShouldBe(ResultStatus.Invalid);
        await using var db = harness.NewDb();
        (await db.ArchiveRecords.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Two_archives_of_one_organization_and_year_get_consecutive_numbers_and_a_chained_digest()
    {
        var first = await ClosedDisclosureAsync(withAttachment: true);
        var second = await ClosedDisclosureAsync();
        await harness.SignInAsync("office");

        (await ArchiveAsync(first)).Value.ShouldBe("TST-2026-0001");
        (await ArchiveAsync(second)).Value.ShouldBe("TST-2026-0002");

        await using var db = harness.NewDb();
        var records = await db.ArchiveRecords.Include(r => r.Files).OrderBy(r => r.ChainIndex).ToListAsync();
        records.Select(r => r.ChainIndex).ShouldBe([1L, 2L]);
        records[0].PreviousDigest.ShouldBeNull();
        records[1].PreviousDigest.ShouldBe(records[0].Digest);
        foreach (var record in records)
            ArchiveDigest.Compute(record.CanonicalJson, record.Files.OrderBy(f => f.Id).Select(f => f.Sha256), record.PreviousDigest).ShouldBe(record.Digest);
        var file = records[0].Files.Single();
        file.StoredPath.ShouldStartWith("TST-2026-0001/");
        Hash(await File.ReadAllBytesAsync(Path.Combine(harness.DataDirectory, "archive", file.StoredPath))).ShouldBe(file.Sha256);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ArchiveRecord) && a.Action == WorkflowAction.Archive)).ShouldBe(2);
    }

    [Fact]
    public async Task The_year_is_the_bureaus_year_of_closing()
    {
        // 01:00 on 1 January in Beijing is still 31 December in UTC.
        var id = await ClosedDisclosureAsync(closedAt: new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc));
        await harness.SignInAsync("office");

        (await ArchiveAsync(id)).Value.ShouldBe("TST-2026-0001");
    }

    [Fact]
    public async Task Archivers_running_at_once_take_unique_gap_free_numbers_and_one_unbroken_chain()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add(await ClosedDisclosureAsync(withAttachment: i % 2 == 0));
        await harness.SignInAsync("office");

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => ArchiveAsync(id))));

        results.ShouldAllBe(r => r.Succeeded);
        results.Select(r => r.Value).Order().ShouldBe(Enumerable.Range(1, 5).Select(n => $"TST-2026-{n:0000}"));
        await using var db = harness.NewDb();
        var chain = await db.ArchiveRecords.OrderBy(r => r.ChainIndex).ToListAsync();
        chain.Select(r => r.ChainIndex).ShouldBe([1L, 2L, 3L, 4L, 5L]);
        for (var i = 1; i < chain.Count; i++) chain[i].PreviousDigest.ShouldBe(chain[i - 1].Digest);
    }

    [Fact]
    public async Task An_attachment_changed_on_disk_since_upload_is_refused_and_no_copy_is_left()
    {
        var id = await ClosedDisclosureAsync(withAttachment: true);
        await using (var db = harness.NewDb())
        {
            var stored = await db.Attachments.Where(a => a.DisclosureId == id).Select(a => a.StoredPath).SingleAsync();
            await File.AppendAllTextAsync(Path.Combine(harness.DataDirectory, stored), "tampered");
        }
        await harness.SignInAsync("office");

        var result = await ArchiveAsync(id);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message!.ShouldContain("附件.pdf");
        await ShouldHaveNoArchiveAsync();
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_archive_record()
    {
        await harness.SignInAsync("office");
        (await ArchiveAsync(await ClosedDisclosureAsync())).Succeeded.ShouldBeTrue();
        await using var db = harness.NewDb();

        var update = await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "ArchiveRecords" SET "Title" = 'changed'"""));
        update.Message.ShouldContain("append-only");
        await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArchiveRecords" """));
        (await db.ArchiveRecords.SingleAsync()).Title.ShouldBe("测试公开事项");
    }

    [Fact]
    public async Task The_snapshot_is_canonical_sorted_and_holds_versions_approvals_feedback_and_audit()
    {
        var id = await ClosedDisclosureAsync(withAttachment: true, closedFeedback: true);
        await harness.SignInAsync("office");
        (await ArchiveAsync(id)).Succeeded.ShouldBeTrue();
        await using var db = harness.NewDb();
        var json = (await db.ArchiveRecords.SingleAsync()).CanonicalJson;

        var names = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());
        names.ShouldContain("Disclosure");
        json.ShouldContain("\"ArchivedAtUtc\":\"2026-11-26T02:00:00.0000000Z\"");
        json.ShouldNotContain("\n");
        json.ShouldContain("测试公开事项");
        var snapshot = ArchiveSnapshot.FromCanonicalJson(json);
        snapshot.ToCanonicalJson().ShouldBe(json);
        snapshot.Versions.Count.ShouldBe(1);
        snapshot.Approvals.Single().ConfidentialityConfirmed.ShouldBeTrue();
        snapshot.Attachments.Single().Sha256.Length.ShouldBe(64);
        snapshot.Feedback.Single().State.ShouldBe(FeedbackState.Closed);
        snapshot.Audit.Select(a => a.EntityType).Distinct().Order().ShouldBe(["Disclosure", "Feedback"]);
        snapshot.Audit.Where(a => a.EntityType == "Disclosure").Select(a => a.Action).ShouldBe(["Create", "Submit", "Approve", "Publish", "Close"]);
    }
}
