using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.BoardPostings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>
/// The 登记张贴 dialog as branch A's secretary meets it: her branch's Board item on display that day is offered; the form
/// says in Chinese what is missing; saving records the posting through the service and closes; cancelling stores nothing.
/// Now is 2026-11-26 10:00 in Beijing; the item went up on the 23rd.
/// </summary>
public sealed class RecordBoardPostingDialogTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;
    private int item;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        item = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "第一支部党费收缴情况", Audience.Public, DisclosureState.Published, bureau.Now.AddDays(-3));
        var secretary = bureau["secA"];
        await harness.Backend.SignInAsync("secA");
        harness.SignInAs(secretary.DisplayName, secretary.OrganizationId, [.. secretary.Roles], secretary.UserId);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync()
    {
        harness.Context.Render<MudPopoverProvider>();
        var provider = harness.Context.Render<MudDialogProvider>();
        var dialogs = harness.Context.Services.GetRequiredService<IDialogService>();
        IDialogReference reference = default!;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<RecordBoardPostingDialog>("登记张贴", new DialogParameters<RecordBoardPostingDialog>
        {
            { d => d.Request, new RecordBoardPostingRequest { OrganizationId = bureau.BranchAId, PostedOn = new DateTime(2026, 11, 24) } },
            { d => d.Organizations, OrganizationScope.Of([bureau.BranchAId]) },
        }));
        provider.WaitForAssertion(() => provider.FindAll("[data-testid=posting-item]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));
        return (provider, reference);
    }

    private async Task<int> PostingsAsync()
    {
        await using var db = harness.Backend.NewDb();
        return await db.BoardPostings.CountAsync();
    }

    [Fact]
    public async Task An_empty_form_says_in_Chinese_what_is_missing_and_a_filled_one_records_the_posting_and_closes()
    {
        harness.UseCulture("zh-CN");
        var (provider, dialog) = await ShowAsync();
        provider.Markup.ShouldContain("第一支部党费收缴情况（第一党支部）");
        provider.FindAll("input[data-testid=posting-item]").Count.ShouldBe(1, provider.Markup);

        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=save-posting]"));

        provider.WaitForAssertion(() => provider.Find(".mud-input-helper-text.mud-input-error").TextContent.ShouldBe("请填写张贴地点。"));
        (await PostingsAsync()).ShouldBe(0);

        await Fresh.ChangeAsync(provider, () => provider.Find("input[data-testid=posting-location]"), "办公楼一楼公开栏");
        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "board.png", contentType: "image/png"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=posting-photo-name]").TextContent.ShouldBe("board.png"));
        await Fresh.ChangeAsync(provider, () => provider.Find("input[data-testid=posting-item]"), true);
        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=save-posting]"));

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        result!.Canceled.ShouldBeFalse();
        provider.WaitForAssertion(() => provider.FindAll("[data-testid=posting-form]").ShouldBeEmpty());
        await using var db = harness.Backend.NewDb();
        var posting = await db.BoardPostings.Include(p => p.Items).SingleAsync();
        result.Data.ShouldBe(posting.Id);
        (posting.OrganizationId, posting.PostedOn, posting.Location, posting.PhotoContentType).ShouldBe((bureau.BranchAId, new DateOnly(2026, 11, 24), "办公楼一楼公开栏", "image/png"));
        posting.Items.Select(i => i.DisclosureId).ShouldBe([item]);
    }

    [Fact]
    public async Task Without_a_photo_or_an_item_ticked_the_service_refusal_is_told_in_Chinese_and_the_form_stays()
    {
        harness.UseCulture("zh-CN");
        var (provider, _) = await ShowAsync();
        await Fresh.ChangeAsync(provider, () => provider.Find("input[data-testid=posting-location]"), "办公楼一楼公开栏");
        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=save-posting]"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=posting-message]").TextContent.ShouldContain("请上传张贴照片。"));

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Png, "board.png", contentType: "image/png"));
        provider.WaitForAssertion(() => provider.Find("[data-testid=posting-photo-name]"));

        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=save-posting]"));

        provider.WaitForAssertion(() => provider.Find("[data-testid=posting-message]").TextContent.ShouldContain("请至少选择一项张贴的公开事项。"));
        provider.Find("input[data-testid=posting-location]").GetAttribute("value").ShouldBe("办公楼一楼公开栏");
        (await PostingsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Cancel_closes_the_dialog_and_records_nothing()
    {
        harness.UseCulture("zh-CN");
        var (provider, dialog) = await ShowAsync();
        await Fresh.ChangeAsync(provider, () => provider.Find("input[data-testid=posting-location]"), "办公楼一楼公开栏");

        await Fresh.ClickAsync(provider, () => provider.Find("[data-testid=cancel-posting]"));

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)))!.Canceled.ShouldBeTrue();
        provider.WaitForAssertion(() => provider.FindAll("[data-testid=posting-form]").ShouldBeEmpty());
        (await PostingsAsync()).ShouldBe(0);
    }
}
