using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Organizations;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

public sealed class OrganizationAdminServiceTests
{
    [Fact]
    public async Task A_secretary_is_refused_every_change_and_the_tree_stays_as_it_was()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        var before = await SnapshotAsync(harness);
        await harness.SignInAsync("secretary");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);

        var results = new Result[]
        {
            await service.CreateAsync(new OrganizationRequest { Name = "第二党支部", Code = "DEZB", ParentId = committeeId }),
            await service.UpdateAsync(branchId, new OrganizationRequest { Name = "改名", Code = "GM", ParentId = committeeId }),
            await service.SetActiveAsync(branchId, false),
            await service.GetTreeAsync(),
            await service.ParentScopeAsync(branchId),
            await service.GetLeadingGroupAsync(),
        };

        results.ShouldAllBe(r => r.Status == ResultStatus.Forbidden);
        results[0].Message.ShouldBe("您没有权限执行此操作。");
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task The_admin_builds_the_tree_and_reads_it_back_in_tree_order()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);

        var committee = await service.CreateAsync(new OrganizationRequest { Name = "机关党委", Code = "jgdw", Kind = OrganizationKind.OrganPartyCommittee });
        committee.Succeeded.ShouldBeTrue(committee.Message);
        (await service.CreateAsync(new OrganizationRequest { Name = "第一党支部", Code = "DYZB", ParentId = committee.Value })).Succeeded.ShouldBeTrue();
        (await service.CreateAsync(new OrganizationRequest
        {
            Name = "机关纪委", Code = "JGJW", Kind = OrganizationKind.DisciplineCommittee, ParentId = committee.Value,
        })).Succeeded.ShouldBeTrue();

        var tree = (await service.GetTreeAsync()).Value!;
        tree.Select(n => (n.Code, n.Depth)).ShouldBe([("JGDW", 0), ("DYZB", 1), ("JGJW", 1)]);
    }

    [Fact]
    public async Task The_tree_comes_a_page_at_a_time_in_tree_order_and_a_moved_organization_may_not_hang_under_its_own_subtree()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);
        var committee = (await service.CreateAsync(new OrganizationRequest { Name = "机关党委", Code = "JGDW", Kind = OrganizationKind.OrganPartyCommittee })).Value;
        var first = (await service.CreateAsync(new OrganizationRequest { Name = "第一总支", Code = "DYZZ", ParentId = committee })).Value;
        for (var i = 1; i <= 3; i++)
        {
            (await service.CreateAsync(new OrganizationRequest { Name = $"第一总支第{i}支部", Code = $"DYZZ{i}", ParentId = first })).Succeeded.ShouldBeTrue();
        }
        for (var i = 1; i <= 3; i++)
        {
            (await service.CreateAsync(new OrganizationRequest { Name = $"第{i}党支部", Code = $"ZB{i}", ParentId = committee })).Succeeded.ShouldBeTrue();
        }
        var retired = (await service.GetTreeAsync()).Value!.Single(n => n.Code == "ZB2").Id;
        (await service.SetActiveAsync(retired, false)).Succeeded.ShouldBeTrue();
        var whole = (await service.GetTreeAsync()).Value!.Select(n => n.Code).ToList();

        var pages = new List<OrganizationNode>();
        for (var page = 0; page < 3; page++)
        {
            var result = (await service.GetTreePageAsync(includeInactive: true, page, 3)).Value!;
            result.Total.ShouldBe(8);
            result.Nodes.Count.ShouldBeLessThanOrEqualTo(3);
            pages.AddRange(result.Nodes);
        }
        pages.Select(n => n.Code).ShouldBe(whole);
        pages.Single(n => n.Code == "DYZZ2").Depth.ShouldBe(2);
        var active = (await service.GetTreePageAsync(includeInactive: false, 0, 100)).Value!;
        (active.Total, active.Nodes.Count).ShouldBe((7, 7));
        active.Nodes.ShouldNotContain(n => n.Code == "ZB2");

        // The parent chooser searches every active organization outside the moved one's subtree.
        var search = harness.Get<OrganizationSearch>(scope);
        var parentScope = (await service.ParentScopeAsync(first)).Value!;
        (await search.FindAsync(null, parentScope)).Select(n => n.Name).ShouldBe(["机关党委", "第1党支部", "第3党支部"], ignoreOrder: true);
        (await search.FindAsync("第一总支", parentScope)).ShouldBeEmpty();
        (await service.ParentScopeAsync(committee)).Value!.IsEmpty.ShouldBeTrue("the root hangs under nothing");
        var newOne = (await service.ParentScopeAsync(null)).Value!;
        (await search.FindAsync(null, newOne)).Count.ShouldBe(7, "a new organization may hang under any active one");
        var leaf = (await service.GetTreeAsync()).Value!.Single(n => n.Code == "DYZZ2").Id;
        (await search.FindAsync("第一总支", (await service.ParentScopeAsync(leaf)).Value!)).Select(n => n.Name)
            .ShouldBe(["第一总支", "第一总支第1支部", "第一总支第3支部"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("J")]
    [InlineData("JG-DW")]
    [InlineData("JGDW12345678")]
    public async Task An_invalid_code_fails_with_a_validation_message_and_saves_nothing(string code)
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, _) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<OrganizationAdminService>(scope)
            .CreateAsync(new OrganizationRequest { Name = "第二党支部", Code = code, ParentId = committeeId });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("组织代码须为 2–10 位大写字母或数字，如 JGDW。");
        result.Errors.Keys.ShouldContain(nameof(OrganizationRequest.Code));
        await using var db = harness.NewDb();
        (await db.Organizations.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_naming_the_organization_that_holds_it()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);

        var created = await service.CreateAsync(new OrganizationRequest { Name = "第二党支部", Code = "dyzb", ParentId = committeeId });
        var renamed = await service.UpdateAsync(branchId, new OrganizationRequest { Name = "第一党支部", Code = "JGDW", ParentId = committeeId });

        created.Status.ShouldBe(ResultStatus.Invalid);
        created.Message.ShouldBe("组织代码 DYZB 已被“第一党支部”使用，请换一个。");
        renamed.Message.ShouldBe("组织代码 JGDW 已被“机关党委”使用，请换一个。");
        await using var db = harness.NewDb();
        (await db.Organizations.OrderBy(o => o.Id).Select(o => o.Code).ToListAsync()).ShouldBe(["JGDW", "DYZB"]);
    }

    [Fact]
    public async Task An_organization_cannot_move_under_its_own_sub_organization()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);
        var group = await service.CreateAsync(new OrganizationRequest { Name = "第一党小组", Code = "DYXZ", ParentId = branchId });

        // Moving the branch under its own group would make a loop.
        var result = await service.UpdateAsync(branchId, new OrganizationRequest { Name = "第一党支部", Code = "DYZB", ParentId = group.Value });
        var moved = await service.UpdateAsync(group.Value, new OrganizationRequest { Name = "第一党小组", Code = "DYXZ", ParentId = committeeId });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldContain(nameof(OrganizationRequest.ParentId));
        moved.Succeeded.ShouldBeTrue(moved.Message);
        await using var db = harness.NewDb();
        (await db.Organizations.SingleAsync(o => o.Id == branchId)).ParentId.ShouldBe(committeeId);
        (await db.Organizations.SingleAsync(o => o.Id == group.Value)).ParentId.ShouldBe(committeeId);
    }

    /// <summary>
    /// The service refuses a parent inside the moved organization's own subtree whatever the client sends (the chooser
    /// never offers one), at any depth, and lets it move anywhere else. Tree: JGDW → DYZB → DYXZ → DYXZ1, and JGDW → DEZB.
    /// </summary>
    [Theory]
    [InlineData("DYZB", "DYZB", false)]
    [InlineData("DYZB", "DYXZ", false)]
    [InlineData("DYZB", "DYXZ1", false)]
    [InlineData("DYXZ", "DYXZ1", false)]
    [InlineData("DYXZ", "DEZB", true)]
    [InlineData("DYXZ1", "DEZB", true)]
    [InlineData("DEZB", "DYXZ1", true)]
    public async Task A_parent_inside_the_moved_organizations_subtree_is_refused_at_any_depth(string moving, string target, bool allowed)
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);
        var group = (await service.CreateAsync(new OrganizationRequest { Name = "第一党小组", Code = "DYXZ", ParentId = branchId })).Value;
        (await service.CreateAsync(new OrganizationRequest { Name = "第一党小组一组", Code = "DYXZ1", ParentId = group })).Succeeded.ShouldBeTrue();
        (await service.CreateAsync(new OrganizationRequest { Name = "第二党支部", Code = "DEZB", ParentId = committeeId })).Succeeded.ShouldBeTrue();
        var nodes = (await service.GetTreeAsync()).Value!.ToDictionary(n => n.Code);
        var before = await SnapshotAsync(harness);

        var result = await service.UpdateAsync(nodes[moving].Id,
            new OrganizationRequest { Name = nodes[moving].Name, Code = moving, ParentId = nodes[target].Id });

        result.Succeeded.ShouldBe(allowed, result.Message);
        // The chooser and the service agree: what it refuses is what the chooser leaves out.
        (await service.ParentScopeAsync(nodes[moving].Id)).Value!.Includes(nodes[target].Id).ShouldBe(allowed);
        if (allowed) return;
        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldContain(nameof(OrganizationRequest.ParentId));
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task A_parent_with_active_branches_is_deactivated_only_after_them_and_reactivated_before_them()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<OrganizationAdminService>(scope);

        (await service.SetActiveAsync(committeeId, false)).Status.ShouldBe(ResultStatus.Invalid);
        (await service.SetActiveAsync(branchId, false)).Succeeded.ShouldBeTrue();
        (await service.SetActiveAsync(committeeId, false)).Succeeded.ShouldBeTrue();
        (await service.SetActiveAsync(branchId, true)).Status.ShouldBe(ResultStatus.Invalid);
        (await service.SetActiveAsync(committeeId, true)).Succeeded.ShouldBeTrue();
        (await service.SetActiveAsync(branchId, true)).Succeeded.ShouldBeTrue();

        (await service.GetTreeAsync()).Value!.ShouldAllBe(n => n.IsActive);
    }

    private static async Task<string> SnapshotAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => $"{o.Id}|{o.Name}|{o.Code}|{o.ParentId}|{o.IsActive}|{o.SortOrder}")
            .ToListAsync();
        return string.Join("\n", rows);
    }
}
