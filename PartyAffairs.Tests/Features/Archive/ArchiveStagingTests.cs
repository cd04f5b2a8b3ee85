using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>
/// A hard kill while archiving, at each of its moments, as the files are left on disk: before the commit (staged copies,
/// no record), between the commit and the rename (a record whose files are still staged), and after. The next start
/// finishes or clears what was staged, and the verifier reports no tampering.
/// </summary>
public sealed class ArchiveStagingTests : ArchiveTestBase
{
    private Task<ArchiveVerificationReport> VerifyAsync() => harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);

    private Task<(int Completed, int Removed)> RestartAsync() => harness.Services.GetRequiredService<ArchiveStaging>().RecoverAsync(CancellationToken.None);

    private string Archive => Path.Combine(harness.DataDirectory, "archive");

    private string Staging => Path.Combine(harness.DataDirectory, "archive-staging");

    [Fact]
    public async Task A_finished_archiving_leaves_its_files_in_the_archive_and_nothing_staged()
    {
        await harness.SignInAsync("office");
        var number = (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Value!;

        Directory.GetFiles(Path.Combine(Archive, number)).ShouldHaveSingleItem();
        (Directory.Exists(Staging) ? Directory.GetFileSystemEntries(Staging) : []).ShouldBeEmpty();
        (await VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Killed_before_the_commit_the_staged_copies_are_removed_at_the_next_start_and_never_reported()
    {
        // What a kill mid-copy leaves: a staged folder for a number that never committed, a file half written.
        var leftover = Path.Combine(Staging, "TST-2026-0001");
        Directory.CreateDirectory(leftover);
        await File.WriteAllBytesAsync(Path.Combine(leftover, "001-附件.pdf"), new byte[4096]);

        (await VerifyAsync()).Problems.ShouldBeEmpty("staged files are outside the archive");
        (await RestartAsync()).ShouldBe((0, 1));
        Directory.Exists(leftover).ShouldBeFalse();
        Directory.Exists(Path.Combine(Archive, "TST-2026-0001")).ShouldBeFalse();

        // The number was never taken: the next archiving gets it.
        await harness.SignInAsync("office");
        (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Value.ShouldBe("TST-2026-0001");
        (await VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Killed_between_the_commit_and_the_rename_the_record_gets_its_durable_files_at_the_next_start()
    {
        await harness.SignInAsync("office");
        var number = (await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Value!;
        // What a kill right after the commit leaves: the record, and its files still in the staging folder.
        Directory.CreateDirectory(Staging);
        Directory.Move(Path.Combine(Archive, number), Path.Combine(Staging, number));
        (await VerifyAsync()).Problems.ShouldNotBeEmpty("without recovery the record's files are missing");

        (await RestartAsync()).ShouldBe((1, 0));

        Directory.GetFiles(Path.Combine(Archive, number)).ShouldHaveSingleItem();
        var report = await VerifyAsync();
        report.Problems.ShouldBeEmpty();
        report.FileCount.ShouldBe(1);
        (await RestartAsync()).ShouldBe((0, 0), "a second start finds nothing to do");
    }

    [Fact]
    public async Task An_archiving_refused_after_copying_leaves_nothing_staged_or_archived()
    {
        var id = await ClosedDisclosureAsync(withAttachment: true);
        await using (var db = harness.NewDb())
        {
            var stored = await db.Attachments.Where(a => a.DisclosureId == id).Select(a => a.StoredPath).SingleAsync();
            await File.AppendAllTextAsync(Path.Combine(harness.DataDirectory, stored), "tampered");
        }
        await harness.SignInAsync("office");

        (await ArchiveAsync(id)).Succeeded.ShouldBeFalse();

        (Directory.Exists(Staging) ? Directory.GetFileSystemEntries(Staging) : []).ShouldBeEmpty();
        (Directory.Exists(Archive) ? Directory.GetFileSystemEntries(Archive) : []).ShouldBeEmpty();
    }
}
