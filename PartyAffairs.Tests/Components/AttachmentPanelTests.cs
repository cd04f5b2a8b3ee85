using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Components;

public sealed class AttachmentPanelTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private ReviewBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await ReviewBureau.CreateAsync(harness.Backend);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Each_file_is_checked_on_its_own_the_refused_one_is_named_and_the_host_hears_the_new_version()
    {
        harness.UseCulture("zh-CN");
        // The attachment service comes from the backend's container, which reads the backend's signed-in user.
        await harness.Backend.SignInAsync("drafterA");
        var draft = await DraftAsync(harness.Backend, bureau.BranchA, Audience.Public);
        var version = await VersionOfAsync(harness.Backend, draft);
        var reported = 0;

        var cut = harness.Context.Render<AttachmentPanel>(p => p
            .Add(x => x.DisclosureId, draft)
            .Add(x => x.Version, version)
            .Add(x => x.Editable, true)
            .Add(x => x.OnChanged, v => reported = v));
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("暂无附件。"), TimeSpan.FromSeconds(10));

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0], "setup.pdf"),
            InputFileContent.CreateFromBinary(PdfBytes(2048), "会议纪要.pdf"));

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("已上传：会议纪要.pdf"), TimeSpan.FromSeconds(10));
        cut.Markup.ShouldContain("文件“setup.pdf”的内容不是允许的类型");
        cut.FindAll("tbody tr").Count.ShouldBe(1);
        cut.FindAll(".mud-chip").ShouldBeEmpty();
        cut.Find("tbody a").GetAttribute("href").ShouldStartWith("/attachments/");
        reported.ShouldBe(version + 1);
    }

    [Fact]
    public async Task A_scanned_PDF_is_marked_as_having_no_searchable_text_and_a_PDF_with_text_is_not()
    {
        harness.UseCulture("zh-CN");
        await harness.Backend.SignInAsync("drafterA");
        var draft = await DraftAsync(harness.Backend, bureau.BranchA, Audience.Public);
        var version = await VersionOfAsync(harness.Backend, draft);

        var cut = harness.Context.Render<AttachmentPanel>(p => p
            .Add(x => x.DisclosureId, draft)
            .Add(x => x.Version, version)
            .Add(x => x.Editable, true));
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("暂无附件。"), TimeSpan.FromSeconds(10));
        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(SampleFiles.ScannedPdf(), "扫描的通知.pdf"),
            InputFileContent.CreateFromBinary(SampleFiles.PdfWithText("Quarterly dues ledger"), "账目.pdf"));

        cut.WaitForAssertion(() => cut.FindAll("tbody tr").Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        var marked = cut.FindAll("[data-testid=attachment-scanned]");
        marked.Count.ShouldBe(1);
        marked[0].TextContent.ShouldBe("扫描件，无可检索文字");
        marked[0].Closest("tr")!.TextContent.ShouldContain("扫描的通知.pdf");
    }
}
