using Bunit;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Components;

/// <summary>The catalogue's workflow bar offers the step its state and the person allow, and nothing else.</summary>
public sealed class CatalogueWorkflowTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;
    private TestBureau bureau = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        bureau = await TestBureau.CreateAsync(harness.Backend);
        harness.UseCulture("zh-CN");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private List<string> Buttons(CatalogueState? state, string userName, string? submittedBy = null)
    {
        var actor = bureau[userName];
        var workspace = state is { } s ? new CatalogueWorkspace(1, 3, s, null, null, submittedBy is null ? null : bureau[submittedBy].UserId) : null;
        var proposable = actor.IsInRole(Roles.Office) ? OrganizationScope.All
            : actor.IsInRole(Roles.Secretary) ? OrganizationScope.Of([bureau.BranchAId]) : OrganizationScope.None;
        var bar = harness.Context.Render<CatalogueWorkflow>(p => p
            .Add(x => x.Year, 2026)
            .Add(x => x.Workspace, workspace)
            .Add(x => x.Actor, actor)
            .Add(x => x.Proposable, proposable));
        return bar.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
    }

    [Fact]
    public void Without_a_catalogue_only_the_office_may_start_one()
    {
        Buttons(null, "office").ShouldBe(["新建空白目录"]);
        Buttons(null, "secA").ShouldBeEmpty();
        Buttons(null, "leader").ShouldBeEmpty();
    }

    [Fact]
    public void A_draft_is_added_to_by_proposers_and_submitted_or_discarded_by_the_office()
    {
        Buttons(CatalogueState.Draft, "office").ShouldBe(["新增事项", "提交审批", "放弃草稿"]);
        Buttons(CatalogueState.Draft, "secA").ShouldBe(["新增事项"]);
        Buttons(CatalogueState.Draft, "leader").ShouldBeEmpty();
        Buttons(CatalogueState.Draft, "memberA").ShouldBeEmpty();
    }

    [Fact]
    public void A_submitted_catalogue_is_approved_or_returned_by_someone_other_than_its_submitter()
    {
        Buttons(CatalogueState.Submitted, "leader", submittedBy: "office").ShouldBe(["批准生效", "退回"]);
        Buttons(CatalogueState.Submitted, "leader", submittedBy: "leader").ShouldBeEmpty();
        Buttons(CatalogueState.Submitted, "secA", submittedBy: "office").ShouldBeEmpty();
        Buttons(CatalogueState.Submitted, "office", submittedBy: "office").ShouldBeEmpty();
    }

    [Fact]
    public void A_catalogue_in_force_has_no_workflow_buttons()
    {
        Buttons(CatalogueState.InForce, "office").ShouldBeEmpty();
        Buttons(CatalogueState.InForce, "leader").ShouldBeEmpty();
    }
}
