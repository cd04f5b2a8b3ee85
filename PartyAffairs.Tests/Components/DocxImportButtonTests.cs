using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.Tests.Features.Publishing.Bodies;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Components;

public sealed class DocxImportButtonTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private ReviewBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness.Backend);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    // What the draft page hands the button: the import service, called with the draft's version.
    private Func<string, Stream, Task<Result<DocxImported>>> ImportInto(int draft, int version) =>
        (name, content) => harness.Context.Services.GetRequiredService<DocxImportService>().ImportAsync(draft, version, name, content);

    [Fact]
    public async Task A_docx_is_imported_and_the_host_hears_its_body_and_the_new_version()
    {
        harness.UseCulture("zh-CN");
        await harness.Backend.SignInAsync("drafterA");
        var draft = await DraftAsync(harness.Backend, bureau.BranchA, Audience.Public);
        var version = await VersionOfAsync(harness.Backend, draft);
        DocxImported? heard = null;

        var cut = harness.Context.Render<DocxImportButton>(p => p
            .Add(x => x.Import, ImportInto(draft, version))
            .Add(x => x.OnImported, imported => heard = imported));
        cut.Find("[data-testid=docx-import]").TextContent.Trim().ShouldBe("从 Word 导入");
        cut.Find("input[type=file]").GetAttribute("accept").ShouldBe(".docx");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(DocxBodyImporterTests.BuildDocx(images: 1), "公示.docx"));

        cut.WaitForAssertion(() => heard.ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        heard!.Html.ShouldStartWith("<h2>党费收缴情况公示</h2>");
        heard.Version.ShouldBe(version + 1);
        cut.Find("[data-testid=docx-import-message]").TextContent.ShouldContain("已将「公示.docx」的内容加在正文末尾");
    }

    [Fact]
    public async Task A_doc_file_shows_its_reason_and_the_host_hears_nothing()
    {
        harness.UseCulture("zh-CN");
        await harness.Backend.SignInAsync("drafterA");
        var draft = await DraftAsync(harness.Backend, bureau.BranchA, Audience.Public);
        var version = await VersionOfAsync(harness.Backend, draft);
        var heard = false;

        var cut = harness.Context.Render<DocxImportButton>(p => p
            .Add(x => x.Import, ImportInto(draft, version))
            .Add(x => x.OnImported, _ => heard = true));
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(DocxBodyImporterTests.Ole(), "通知.doc"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=docx-import-message]").TextContent
            .ShouldContain("这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入。"), TimeSpan.FromSeconds(10));
        heard.ShouldBeFalse();
        cut.Find("[data-testid=docx-import]").HasAttribute("disabled").ShouldBeFalse();
        await using var db = harness.Backend.NewDb();
        (await db.Attachments.CountAsync()).ShouldBe(0);
        (await VersionOfAsync(harness.Backend, draft)).ShouldBe(version);
    }
}
