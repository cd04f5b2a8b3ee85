using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Organizations;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>The organization form checks its fields with the same validator the service runs, through the MudForm adapter.</summary>
public sealed class OrganizationFormTests : IAsyncLifetime
{
    // Held, not inherited: xunit 2 would call the synchronous Dispose, which MudBlazor's async-only services refuse.
    private readonly BunitContext bunit = new();

    private static readonly IReadOnlyList<OrganizationNode> Parents =
        [new(1, "机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, true, 0, 0)];

    public OrganizationFormTests()
    {
        AdminTestData.UseChinese();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        bunit.Services.AddLocalization();
        bunit.Services.AddSingleton<IValidator<OrganizationRequest>, OrganizationRequestValidator>();
    }

    [Fact]
    public async Task A_bad_code_is_refused_under_its_field_with_the_validators_message()
    {
        var request = new OrganizationRequest { Name = "第二党支部", Code = "J", ParentId = 1 };
        var form = RenderForm(request);

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        valid.ShouldBeFalse();
        form.Markup.ShouldContain("组织代码须为 2–10 位大写字母或数字，如 JGDW。");
        form.Markup.ShouldNotContain("请填写组织名称。");
    }

    [Fact]
    public async Task A_branch_without_a_parent_is_refused_and_a_complete_one_passes()
    {
        var request = new OrganizationRequest { Name = "第二党支部", Code = "DEZB" };
        var form = RenderForm(request);

        (await form.InvokeAsync(() => form.Instance.ValidateAsync())).ShouldBeFalse();
        form.Markup.ShouldContain("请选择上级组织。");

        request.ParentId = 1;
        (await form.InvokeAsync(() => form.Instance.ValidateAsync())).ShouldBeTrue();
    }

    [Fact]
    public void A_code_typed_in_lower_case_is_kept_in_upper_case()
    {
        var request = new OrganizationRequest { Name = "第二党支部", ParentId = 1 };
        var form = RenderForm(request);

        form.FindAll("input")[1].Input(" dezb ");

        request.Code.ShouldBe("DEZB");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    /// <summary>MudSelect needs a popover provider in the same render tree.</summary>
    private IRenderedComponent<OrganizationForm> RenderForm(OrganizationRequest request)
    {
        var host = bunit.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<OrganizationForm>(1);
            builder.AddAttribute(2, nameof(OrganizationForm.Request), request);
            builder.AddAttribute(3, nameof(OrganizationForm.Parents), Parents);
            builder.CloseComponent();
        });
        return host.FindComponent<OrganizationForm>();
    }
}
