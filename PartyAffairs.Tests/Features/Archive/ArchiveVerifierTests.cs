using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Packages;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Features.Archive;

public sealed class ArchiveVerifierTests : ArchiveTestBase
{
    private string ArchiveDirectory => Path.Combine(harness.DataDirectory, "archive");

    private async Task<string[]> ArchiveThreeAsync()
    {
        await harness.SignInAsync("office");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++) numbers.Add((await ArchiveAsync(await ClosedDisclosureAsync(withAttachment: true))).Value!);
        return [.. numbers];
    }

    private Task<ArchiveVerificationReport> VerifyAsync() => harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);

    private async Task<string> StoredPathAsync(string number)
    {
        await using var db = harness.NewDb();
        return await db.ArchiveFiles.Where(f => db.ArchiveRecords.Any(r => r.Id == f.ArchiveRecordId && r.ArchiveNumber == number))
            .Select(f => f.StoredPath).SingleAsync();
    }

    private async Task BehindTheAppsBackAsync(string sql)
    {
        await using var db = harness.NewDb();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? """ALTER TABLE "ArchiveRecords" DISABLE TRIGGER "ArchiveRecords_NoUpdateOrDelete"; ALTER TABLE "ArchiveFiles" DISABLE TRIGGER "ArchiveFiles_NoUpdateOrDelete";"""
            : """DROP TRIGGER "ArchiveRecords_NoUpdate"; DROP TRIGGER "ArchiveRecords_NoDelete"; DROP TRIGGER "ArchiveFiles_NoDelete";""");
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task An_untouched_archive_passes_and_reports_its_head()
    {
        await ArchiveThreeAsync();

        var report = await VerifyAsync();

        report.Passed.ShouldBeTrue(string.Join("; ", report.Problems));
        report.RecordCount.ShouldBe(3);
        report.FileCount.ShouldBe(3);
        report.HeadDigest!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task A_row_changed_behind_the_apps_back_is_named()
    {
        var numbers = await ArchiveThreeAsync();
        await BehindTheAppsBackAsync($"""UPDATE "ArchiveRecords" SET "CanonicalJson" = replace("CanonicalJson", '正文', '改过的正文') WHERE "ArchiveNumber" = '{numbers[1]}'""");

        var report = await VerifyAsync();

        report.Problems.ShouldBe([new ArchiveProblem(numbers[1], ArchiveProblemKind.ChangedRecord)]);
    }

    [Fact]
    public async Task A_changed_title_column_is_named_though_the_content_is_intact()
    {
        var numbers = await ArchiveThreeAsync();
        await BehindTheAppsBackAsync($"""UPDATE "ArchiveRecords" SET "Title" = '另一个标题' WHERE "ArchiveNumber" = '{numbers[0]}'""");

        (await VerifyAsync()).Problems.ShouldBe([new ArchiveProblem(numbers[0], ArchiveProblemKind.ChangedRecord)]);
    }

    [Fact]
    public async Task A_record_rewritten_with_a_fresh_digest_breaks_the_link_of_the_next()
    {
        var numbers = await ArchiveThreeAsync();
        await BehindTheAppsBackAsync($"""UPDATE "ArchiveRecords" SET "Digest" = '{new string('0', 64)}' WHERE "ArchiveNumber" = '{numbers[1]}'""");

        var report = await VerifyAsync();

        report.Problems.ShouldContain(new ArchiveProblem(numbers[1], ArchiveProblemKind.ChangedRecord));
        report.Problems.ShouldContain(new ArchiveProblem(numbers[2], ArchiveProblemKind.ChainLink));
    }

    [Fact]
    public async Task A_deleted_record_is_a_gap_before_the_next_and_leaves_its_files_unexpected()
    {
        var numbers = await ArchiveThreeAsync();
        var orphan = await StoredPathAsync(numbers[1]);
        await BehindTheAppsBackAsync($"""
            DELETE FROM "ArchiveFiles" WHERE "ArchiveRecordId" = (SELECT "Id" FROM "ArchiveRecords" WHERE "ArchiveNumber" = '{numbers[1]}');
            DELETE FROM "ArchiveRecords" WHERE "ArchiveNumber" = '{numbers[1]}';
            """);

        var report = await VerifyAsync();

        report.Problems.ShouldContain(new ArchiveProblem(numbers[2], ArchiveProblemKind.ChainGap, "2–2"));
        report.Problems.ShouldContain(new ArchiveProblem(numbers[2], ArchiveProblemKind.ChainLink));
        report.Problems.ShouldContain(new ArchiveProblem(numbers[1], ArchiveProblemKind.UnexpectedFile, orphan));
    }

    [Fact]
    public async Task A_flipped_byte_a_deleted_file_and_an_added_file_are_each_named()
    {
        var numbers = await ArchiveThreeAsync();
        var flipped = await StoredPathAsync(numbers[0]);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(ArchiveDirectory, flipped));
        bytes[3] ^= 0x01;
        await File.WriteAllBytesAsync(Path.Combine(ArchiveDirectory, flipped), bytes);
        var deleted = await StoredPathAsync(numbers[1]);
        File.Delete(Path.Combine(ArchiveDirectory, deleted));
        var added = $"{numbers[2]}/999-塞进来的.pdf";
        await File.WriteAllTextAsync(Path.Combine(ArchiveDirectory, added), "%PDF-1.4 extra");

        var report = await VerifyAsync();

        report.Problems.ShouldBe([
            new ArchiveProblem(numbers[0], ArchiveProblemKind.ChangedFile, flipped),
            new ArchiveProblem(numbers[1], ArchiveProblemKind.MissingFile, deleted),
            new ArchiveProblem(numbers[2], ArchiveProblemKind.UnexpectedFile, added),
        ], ignoreOrder: true);
        var text = harness.Services.GetRequiredService<ArchiveProblemText>();
        text.Describe(report.Problems[0]).ShouldStartWith(numbers[0] + ": ");
    }

    [Fact]
    public async Task A_package_verifies_on_its_own_and_a_changed_or_truncated_one_is_named()
    {
        var numbers = await ArchiveThreeAsync();
        await using var scope = harness.NewScope();
        await using var db = harness.NewDb();
        var id = await db.ArchiveRecords.Where(r => r.ArchiveNumber == numbers[1]).Select(r => r.Id).SingleAsync();
        var package = (await harness.Get<ArchiveService>(scope).PackageAsync(id)).Value!;
        package.FileName.ShouldBe($"{numbers[1]}.zip");

        var good = await ArchivePackageVerifier.VerifyAsync(new MemoryStream(package.Content), package.FileName, CancellationToken.None);
        good.Passed.ShouldBeTrue(string.Join("; ", good.Problems));
        using (var zip = new ZipArchive(new MemoryStream(package.Content)))
        {
            var manifest = new StreamReader(zip.GetEntry(ArchivePackage.Manifest)!.Open()).ReadToEnd();
            manifest.ShouldContain("  data/record.json");
            manifest.ShouldContain("  data/attachments/001-附件.pdf");
        }

        var changed = Rewrite(package.Content, "data/attachments/001-附件.pdf", "%PDF-1.4 something else");
        (await ArchivePackageVerifier.VerifyAsync(new MemoryStream(changed), "x.zip", CancellationToken.None)).Problems
            .ShouldContain(new ArchiveProblem(numbers[1], ArchiveProblemKind.ChangedFile, "data/attachments/001-附件.pdf"));
        var truncated = package.Content[..(package.Content.Length / 2)];
        (await ArchivePackageVerifier.VerifyAsync(new MemoryStream(truncated), "half.zip", CancellationToken.None)).Problems
            .ShouldBe([new ArchiveProblem("half.zip", ArchiveProblemKind.PackageUnreadable)]);
    }

    [Fact]
    public async Task A_package_is_only_for_those_who_archive_or_oversee()
    {
        var numbers = await ArchiveThreeAsync();
        await using var db = harness.NewDb();
        var id = await db.ArchiveRecords.Where(r => r.ArchiveNumber == numbers[0]).Select(r => r.Id).SingleAsync();

        await harness.SignInAsync("drafter");
        await using (var scope = harness.NewScope())
            (await harness.Get<ArchiveService>(scope).PackageAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        await harness.SignInAsync("other-secretary");
        await using (var scope = harness.NewScope())
            (await harness.Get<ArchiveService>(scope).PackageAsync(id)).Status.ShouldBe(ResultStatus.NotFound);
        await harness.SignInAsync("secretary");
        await using (var scope = harness.NewScope())
            (await harness.Get<ArchiveService>(scope).PackageAsync(id)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Fifty_archivings_at_once_in_one_organization_take_fifty_consecutive_numbers()
    {
        var ids = new List<int>();
        for (var i = 0; i < 50; i++) ids.Add(await ClosedDisclosureAsync(withAttachment: i % 5 == 0));
        await harness.SignInAsync("office");

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => ArchiveAsync(id))));

        results.ShouldAllBe(r => r.Succeeded);
        results.Select(r => r.Value).Order().ShouldBe(Enumerable.Range(1, 50).Select(n => $"TST-2026-{n:0000}"));
        (await VerifyAsync()).Passed.ShouldBeTrue();
    }

    private static byte[] Rewrite(byte[] zipBytes, string path, string content)
    {
        var copy = new MemoryStream();
        copy.Write(zipBytes);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(path)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(path).Open());
            writer.Write(content);
        }
        return copy.ToArray();
    }
}
