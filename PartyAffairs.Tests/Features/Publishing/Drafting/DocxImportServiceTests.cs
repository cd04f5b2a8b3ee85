using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Hosting.Seeding;
using PartyAffairs.Tests.Features.Publishing.Bodies;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

public sealed class DocxImportServiceTests
{
    private static async Task<(ServiceHarness Harness, int Draft)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        return (harness, await DraftAsync(harness, bureau.BranchA, Audience.Public));
    }

    private static async Task<Result<DocxImported>> ImportAsync(ServiceHarness harness, string userName, int draft, string fileName, byte[] content,
        int? version = null)
    {
        await harness.SignInAsync(userName);
        var expected = version ?? await VersionOfAsync(harness, draft);
        await using var scope = harness.NewScope();
        return await harness.Get<DocxImportService>(scope).ImportAsync(draft, expected, fileName, new MemoryStream(content));
    }

    [Fact]
    public async Task A_Word_document_comes_in_with_its_heading_bold_list_merged_table_and_its_image_as_an_attachment_of_the_draft()
    {
        var (harness, draft) = await ArrangeAsync();
        await using var _ = harness;
        var before = await VersionOfAsync(harness, draft);

        var result = await ImportAsync(harness, "drafterA", draft, "党费收缴情况公示.docx", DocxBodyImporterTests.BuildDocx(images: 1));

        result.Succeeded.ShouldBeTrue(result.Message);
        var imported = result.Value!;
        await using var db = harness.NewDb();
        var attachment = await db.Attachments.SingleAsync(a => a.DisclosureId == draft);
        attachment.ContentType.ShouldBe("image/png");
        attachment.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(DemoFiles.BoardPng())));
        imported.Version.ShouldBe(before + 1);
        (await VersionOfAsync(harness, draft)).ShouldBe(imported.Version);
        imported.Html.ShouldStartWith("<h2>党费收缴情况公示</h2>");
        imported.Html.ShouldContain("<strong>按时足额</strong>");
        imported.Html.ShouldContain("<ol><li>按月交纳</li>");
        imported.Html.ShouldContain("<td colspan=\"2\">项目</td>");
        imported.Html.ShouldContain("<td rowspan=\"2\">党费</td>");
        imported.Html.ShouldContain($"<img src=\"/attachments/{attachment.Id}\">");
        imported.Note.ShouldBeNull();
        // The body is the editor's to insert and autosave: the import itself does not overwrite it.
        (await db.Disclosures.Where(d => d.Id == draft).Select(d => d.Body).SingleAsync()).ShouldBe("<p>第一行</p><p>第二行</p><p>第三行</p>");
    }

    [Fact]
    public async Task The_imported_body_saves_with_its_image_because_the_image_is_the_drafts_own()
    {
        var (harness, draft) = await ArrangeAsync();
        await using var _ = harness;
        var imported = (await ImportAsync(harness, "drafterA", draft, "公示.docx", DocxBodyImporterTests.BuildDocx(images: 1))).Value!;
        var now = harness.Time.GetUtcNow().UtcDateTime;

        await using (var scope = harness.NewScope())
        {
            var saved = await harness.Get<DraftService>(scope).SaveAsync(draft, imported.Version,
                new DraftRequest("标题", imported.Html, Channel.Board, Audience.Public, now.AddHours(1), now.AddDays(8), false));
            saved.Succeeded.ShouldBeTrue(saved.Message);
        }

        await using var db = harness.NewDb();
        (await db.Disclosures.Where(d => d.Id == draft).Select(d => d.Body).SingleAsync()).ShouldBe(imported.Html);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "old", "通知.doc", "这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入。" },
        { "wps", "通知.wps", "这是 WPS 文字文档（.wps），请在 WPS 中另存为 .docx 后再导入。" },
        { "encrypted", "通知.docx", "该文档设置了打开密码，无法读取。请取消密码后再导入。" },
        { "garbage", "通知.docx", "这不是 Word 文档，只能导入 .docx 文件。" },
        { "broken", "通知.docx", "文件已损坏，无法读取。请在 Word 或 WPS 中打开确认后重新保存再导入。" },
        { "oversized", "通知.docx", "文件超过导入大小限制（1 MB），正文未作更改。" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_readable_docx_is_refused_with_its_reason_and_changes_nothing(string kind, string fileName, string message)
    {
        var (harness, draft) = await ArrangeAsync();
        await using var _ = harness;
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var settings = harness.Get<SettingsService>(scope);
            (await settings.SaveAsync(await settings.GetAsync() with { AttachmentMaxMegabytes = 1 })).Succeeded.ShouldBeTrue();
        }
        var docx = DocxBodyImporterTests.BuildDocx(images: 1);
        var content = kind switch
        {
            "old" => DocxBodyImporterTests.Ole(),
            "wps" => DocxBodyImporterTests.Ole(),
            "encrypted" => DocxBodyImporterTests.Ole(encrypted: true),
            "garbage" => "这不是文档"u8.ToArray(),
            "broken" => docx[..(docx.Length / 2)],
            _ => [.. docx, .. new byte[1024 * 1024]],
        };
        var before = await VersionOfAsync(harness, draft);

        var result = await ImportAsync(harness, "drafterA", draft, fileName, content);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe(message);
        (await VersionOfAsync(harness, draft)).ShouldBe(before);
        await using var after = harness.NewDb();
        (await after.Attachments.CountAsync()).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_who_may_not_edit_the_draft_cannot_import_into_it_and_a_stale_version_conflicts()
    {
        var (harness, draft) = await ArrangeAsync();
        await using var _ = harness;
        var docx = DocxBodyImporterTests.BuildDocx(images: 1);

        (await ImportAsync(harness, "secretaryB", draft, "公示.docx", docx)).Status.ShouldBe(ResultStatus.Forbidden);
        (await ImportAsync(harness, "drafterA", draft, "公示.docx", docx, version: 999)).Status.ShouldBe(ResultStatus.Conflict);

        await using var db = harness.NewDb();
        (await db.Attachments.CountAsync()).ShouldBe(0);
        FilesOnDisk(harness).ShouldBeEmpty();
    }
}
