using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class AttachmentServiceTests
{
    private static async Task<(ServiceHarness Harness, ReviewBureau Bureau)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await ReviewBureau.CreateAsync(harness));
    }

    private static async Task<int> AttachmentCountAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        return await db.Attachments.CountAsync();
    }

    private static async Task<Result<AttachmentFile>> DownloadAsync(ServiceHarness harness, string? userName, int attachmentId)
    {
        if (userName is null) harness.Auth.SignOut();
        else await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await scope.ServiceProvider.GetRequiredService<AttachmentService>().GetFileAsync(attachmentId);
    }

    [Fact]
    public async Task An_upload_is_stored_under_the_data_directory_with_its_hash_and_a_row()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var before = await VersionOfAsync(harness, draft);
        var bytes = PdfBytes(5000);

        var result = await UploadAsync(harness, "drafterA", draft, @"C:\Users\x\..\通知.pdf", bytes);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Value.ShouldBe(before + 1);
        await using var db = harness.NewDb();
        var row = await db.Attachments.SingleAsync();
        row.DisclosureId.ShouldBe(draft);
        row.FileName.ShouldBe("通知.pdf");
        row.ContentType.ShouldBe("application/pdf");
        row.SizeBytes.ShouldBe(5000);
        row.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var path = Path.Combine(harness.DataDirectory, row.StoredPath);
        row.StoredPath.ShouldStartWith(Path.Combine("uploads", draft.ToString()));
        (await File.ReadAllBytesAsync(path)).ShouldBe(bytes);
        FilesOnDisk(harness).ShouldBe([path]);
    }

    // The right-to-left override made photo\u202Egnp.pdf show on the board as "photo(B 03) fdp.png"; the hidden
    // characters are removed (the uploader is not asked), so the stored name reads in the order it was typed.
    [Theory]
    [InlineData("photo\u202Egnp.pdf", "photognp.pdf")]
    [InlineData("\u2067报告\u2069\u200E.pdf", "报告.pdf")]
    [InlineData("通\u200B知\uFEFF\u2060.pdf", "通知.pdf")]
    [InlineData("通知\U000E0041\U000E007F.pdf", "通知.pdf")]
    [InlineData("通知\u2028第二行\n.pdf", "通知第二行.pdf")]
    public async Task Hidden_and_direction_changing_characters_are_removed_from_an_uploaded_file_name(string sent, string stored)
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);

        var result = await UploadAsync(harness, "drafterA", draft, sent, PdfBytes(1000));

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = harness.NewDb();
        (await db.Attachments.SingleAsync()).FileName.ShouldBe(stored);
    }

    [Theory]
    [InlineData("setup.pdf", true, "文件“setup.pdf”的内容不是允许的类型（PDF、图片、Word/Excel/WPS 文档），或与扩展名不符，未上传。")]
    [InlineData("空.pdf", false, "文件“空.pdf”是空文件（0 字节），未上传。")]
    public async Task A_renamed_executable_or_an_empty_file_is_refused_and_nothing_is_written(string name, bool executable, string message)
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        byte[] bytes = executable ? [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF] : [];

        var result = await UploadAsync(harness, "drafterA", draft, name, bytes);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe(message);
        (await AttachmentCountAsync(harness)).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_from_settings_is_refused()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var settings = harness.Get<SettingsService>(scope);
            (await settings.SaveAsync(await settings.GetAsync() with { AttachmentMaxMegabytes = 1 })).Succeeded.ShouldBeTrue();
        }
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);

        var over = await UploadAsync(harness, "drafterA", draft, "大.pdf", PdfBytes(1024 * 1024 + 1));
        over.Message.ShouldBe("附件“大.pdf”超过 1 MB，未上传。");
        (await AttachmentCountAsync(harness)).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();

        var exact = await UploadAsync(harness, "drafterA", draft, "正好.pdf", PdfBytes(1024 * 1024));
        exact.Succeeded.ShouldBeTrue(exact.Message);
    }

    [Fact]
    public async Task Another_branchs_secretary_cannot_upload_and_nothing_is_written()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);

        var result = await UploadAsync(harness, "secretaryB", draft, "通知.pdf", PdfBytes(100));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        (await AttachmentCountAsync(harness)).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_is_removed_only_while_the_draft_is_editable_and_its_bytes_go_with_it()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var version = (await UploadAsync(harness, "drafterA", draft, "通知.pdf", PdfBytes(100))).Value;
        int id;
        await using (var db = harness.NewDb()) id = await db.Attachments.Select(a => a.Id).SingleAsync();

        await using var scope = harness.NewScope();
        var result = await harness.Get<AttachmentService>(scope).RemoveAsync(id, version);

        result.Succeeded.ShouldBeTrue(result.Message);
        (await AttachmentCountAsync(harness)).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task Downloads_follow_the_audience_and_answer_not_found_otherwise()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var members = await DraftAsync(harness, bureau.BranchA, Audience.AllMembers);
        var open = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        foreach (var id in new[] { draft, members, open })
            (await UploadAsync(harness, "drafterA", id, "通知.pdf", PdfBytes(100))).Succeeded.ShouldBeTrue();
        await PublishAsync(harness, members);
        await PublishAsync(harness, open);
        Dictionary<int, int> files;
        await using (var db = harness.NewDb()) files = await db.Attachments.ToDictionaryAsync(a => a.DisclosureId, a => a.Id);

        (await DownloadAsync(harness, null, files[draft])).Status.ShouldBe(ResultStatus.NotFound);
        (await DownloadAsync(harness, null, files[members])).Status.ShouldBe(ResultStatus.NotFound);
        (await DownloadAsync(harness, null, 999_999)).Status.ShouldBe(ResultStatus.NotFound);
        (await DownloadAsync(harness, "secretaryB", files[draft])).Status.ShouldBe(ResultStatus.NotFound);
        var publicFile = await DownloadAsync(harness, null, files[open]);
        publicFile.Succeeded.ShouldBeTrue();
        publicFile.Value!.ContentType.ShouldBe("application/pdf");
        publicFile.Value.FileName.ShouldBe("通知.pdf");
        (await DownloadAsync(harness, "secretaryB", files[members])).Succeeded.ShouldBeTrue();
        (await DownloadAsync(harness, "drafterA", files[draft])).Succeeded.ShouldBeTrue();
        (await DownloadAsync(harness, "office", files[draft])).Succeeded.ShouldBeTrue();
    }

    public static TheoryData<string, string, AttachmentTextState, string?> UploadedKinds => new()
    {
        { "账目.pdf", "pdf", AttachmentTextState.Text, "Quarterly dues ledger" },
        { "扫描件.pdf", "scan", AttachmentTextState.NoTextLayer, null },
        { "通知.docx", "docx", AttachmentTextState.Text, "帮扶对象：低保家庭" },
        { "现场.png", "png", AttachmentTextState.None, null },
        { "损坏.pdf", "broken", AttachmentTextState.Failed, null },
    };

    [Theory]
    [MemberData(nameof(UploadedKinds))]
    public async Task An_upload_stores_the_text_of_its_file_and_how_reading_it_went(string name, string kind, AttachmentTextState state, string? text)
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var bytes = kind switch
        {
            "pdf" => SampleFiles.PdfWithText("Quarterly dues ledger"),
            "scan" => SampleFiles.ScannedPdf(),
            "docx" => SampleFiles.Docx("关于结对帮扶的通知", "帮扶对象：低保家庭"),
            "png" => SampleFiles.Png(),
            _ => PdfBytes(2000),
        };

        var result = await UploadAsync(harness, "drafterA", draft, name, bytes);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = harness.NewDb();
        var row = await db.Attachments.SingleAsync();
        row.TextState.ShouldBe(state);
        if (text is null) row.ExtractedText.ShouldBeEmpty();
        else row.ExtractedText.ShouldContain(text);
        // The draft's page marks a scan, and only a scan, as having no searchable text.
        await harness.SignInAsync("drafterA");
        await using var scope = harness.NewScope();
        var listed = await scope.ServiceProvider.GetRequiredService<AttachmentService>().ListAsync(draft);
        listed.Single().Scanned.ShouldBe(state == AttachmentTextState.NoTextLayer);
    }
}
