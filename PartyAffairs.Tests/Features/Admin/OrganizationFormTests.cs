using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Organizations;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Components;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>
/// The organization form checks its fields with the same validator the service runs, through the MudForm adapter; its parent
/// is searched in the bureau (a city has two thousand organizations), never the moved organization's own subtree.
/// Tree: 机关党委 → 第一党支部 → 第一党小组, and 机关党委 → 第二党支部.
/// </summary>
public sealed class OrganizationFormTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private int committeeId;
    private int branchId;
    private int groupId;
    private int secondId;

    public async Task InitializeAsync()
    {
        AdminTestData.UseChinese();
        harness = await ComponentHarness.CreateAsync();
        (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness.Backend);
        await using var db = harness.Backend.NewDb();
        var group = new Organization("第一党小组", "DYXZ", OrganizationKind.Branch, branchId, 1);
        var second = new Organization("第二党支部", "DEZB", OrganizationKind.Branch, committeeId, 2);
        db.Organizations.AddRange(group, second);
        await db.SaveChangesAsync();
        (groupId, secondId) = (group.Id, second.Id);
        await harness.Backend.SignInAsync("admin");
        harness.SignInAs("管理员", null, [Roles.Admin]);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_bad_code_is_refused_under_its_field_with_the_validators_message()
    {
        var request = new OrganizationRequest { Name = "第二党支部", Code = "J", ParentId = committeeId };
        var form = RenderForm(request);

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        valid.ShouldBeFalse();
        form.Markup.ShouldContain("组织代码须为 2–10 位大写字母或数字，如 JGDW。");
        form.Markup.ShouldNotContain("请填写组织名称。");
    }

    [Fact]
    public async Task A_branch_without_a_parent_is_refused_and_a_complete_one_passes()
    {
        var request = new OrganizationRequest { Name = "第三党支部", Code = "DSZB" };
        var form = RenderForm(request);

        (await form.InvokeAsync(() => form.Instance.ValidateAsync())).ShouldBeFalse();
        form.Markup.ShouldContain("请选择上级组织。");

        request.ParentId = committeeId;
        form.Render();
        // The picker reads the chosen parent's name before the form holds it (asynchronously on PostgreSQL).
        await Eventually.TrueAsync(() => form.InvokeAsync(() => form.Instance.ValidateAsync()), TimeSpan.FromSeconds(10),
            "the form with a parent validates");
    }

    [Fact]
    public async Task A_code_typed_in_lower_case_is_kept_in_upper_case()
    {
        var request = new OrganizationRequest { Name = "第三党支部", ParentId = committeeId };
        var form = RenderForm(request);

        await Fresh.InputAsync(form, () => form.FindAll("input")[1], " dszb ");

        request.Code.ShouldBe("DSZB");
    }

    [Fact]
    public async Task Moving_a_branch_offers_every_organization_outside_its_subtree_and_saves_the_one_chosen()
    {
        await using var scope = harness.Backend.NewScope();
        var parentScope = (await harness.Backend.Get<OrganizationAdminService>(scope).ParentScopeAsync(branchId)).Value!;
        // The suggestions open in the popover provider, outside the dialog.
        var popovers = harness.Context.Render<MudPopoverProvider>();
        var provider = harness.Context.Render<MudDialogProvider>();
        var dialogs = harness.Context.Services.GetRequiredService<IDialogService>();
        IDialogReference dialog = default!;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<OrganizationDialog>("编辑组织", new DialogParameters<OrganizationDialog>
        {
            { d => d.OrganizationId, branchId },
            { d => d.Request, new OrganizationRequest { Name = "第一党支部", Code = "DYZB", ParentId = committeeId } },
            { d => d.ParentScope, parentScope },
        }));
        var parent = () => provider.Find("input[data-testid=org-parent]");
        provider.WaitForAssertion(() => parent().GetAttribute("value").ShouldBe("机关党委"));

        await Fresh.InputAsync(provider, parent, "党");

        popovers.WaitForAssertion(() => Offered().ShouldBe(["机关党委", "第二党支部"]), TimeSpan.FromSeconds(10));
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "第二党支部").Click());
        provider.WaitForAssertion(() => parent().GetAttribute("value").ShouldBe("第二党支部"));
        await Fresh.ClickAsync(provider, () => provider.FindAll("button").Single(b => b.TextContent.Trim() == "保存"));

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10)))!.Canceled.ShouldBeFalse();
        await using var db = harness.Backend.NewDb();
        (await db.Organizations.SingleAsync(o => o.Id == branchId)).ParentId.ShouldBe(secondId);
        (await db.Organizations.SingleAsync(o => o.Id == groupId)).ParentId.ShouldBe(branchId);

        List<string> Offered() => popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
    }

    /// <summary>MudAutocomplete needs a popover provider in the same render tree.</summary>
    private IRenderedComponent<OrganizationForm> RenderForm(OrganizationRequest request)
    {
        var host = harness.Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<OrganizationForm>(1);
            builder.AddAttribute(2, nameof(OrganizationForm.Request), request);
            builder.AddAttribute(3, nameof(OrganizationForm.ParentScope), OrganizationScope.All);
            builder.CloseComponent();
        });
        return host.FindComponent<OrganizationForm>();
    }
}
