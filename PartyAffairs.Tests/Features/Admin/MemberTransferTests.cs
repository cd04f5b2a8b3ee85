using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>
/// 调动: the Admin moves branch A's drafter to branch B. What she wrote stays hers; what she reads follows her at once
/// (the services read her organization from the database on every call); the move is in the audit log.
/// </summary>
public sealed class MemberTransferTests
{
    [Fact]
    public async Task A_moved_member_keeps_authorship_reads_her_new_branch_at_once_and_the_move_is_audited()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var at = bureau.Now.AddDays(-1);
        var authored = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "第一支部学习安排", Audience.Organization, DisclosureState.Published, at, author: "drafterA");
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "第一支部党费收缴情况", Audience.Organization, DisclosureState.Published, at, author: "secA");
        await bureau.OutOfCatalogueAsync(bureau.BranchBId, "第二支部党费收缴情况", Audience.Organization, DisclosureState.Published, at, author: "secB");
        var drafter = bureau["drafterA"];

        await harness.SignInAsync("drafterA");
        var before = await TitlesAsync(harness);
        before.ShouldContain("第一支部党费收缴情况");
        before.ShouldNotContain("第二支部党费收缴情况");

        await harness.SignInAsync("admin");
        await using (var scope = harness.NewScope())
        {
            var moved = await harness.Get<UserAdminService>(scope).UpdateAccessAsync(drafter.UserId, new UserAccessRequest
            {
                DisplayName = drafter.DisplayName, OrganizationId = bureau.BranchBId, Roles = new HashSet<string>(drafter.Roles),
            });
            moved.Succeeded.ShouldBeTrue(moved.Message);
        }

        // Her reading follows her with no new sign-in: the same session, the next call.
        await harness.SignInAsync("drafterA");
        var after = await TitlesAsync(harness);
        after.ShouldContain("第二支部党费收缴情况");
        after.ShouldNotContain("第一支部党费收缴情况");

        // What she wrote in branch A is still hers, as the Office reads it.
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var detail = await harness.Get<DisclosureQueryService>(scope).GetAsync(authored);
            detail.Succeeded.ShouldBeTrue(detail.Message);
            (detail.Value!.OrganizationName, detail.Value.AuthorName).ShouldBe(("第一党支部", drafter.DisplayName));
        }
        await using var db = harness.NewDb();
        (await db.Disclosures.Where(d => d.Id == authored).Select(d => d.AuthorId).SingleAsync()).ShouldBe(drafter.UserId);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == WorkflowAction.Transfer);
        (audit.EntityType, audit.OrganizationId).ShouldBe(("User", (int?)bureau.BranchBId));
        audit.Reason.ShouldBe("drafterA（drafterA）：第一党支部 → 第二党支部");
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(ServiceHarness harness)
    {
        await using var scope = harness.NewScope();
        var list = await harness.Get<DisclosureQueryService>(scope).ListAsync(new DisclosureFilter());
        list.Succeeded.ShouldBeTrue(list.Message);
        return list.Value!.Rows.Select(r => r.Title).ToList();
    }
}
