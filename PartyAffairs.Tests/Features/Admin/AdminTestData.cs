using System.Globalization;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>A small bureau for the Admin tests: the organ committee with one branch, and a Secretary of that branch.</summary>
internal static class AdminTestData
{
    /// <summary>Messages are asserted in Chinese, the app's default language, whatever the machine's culture.</summary>
    public static void UseChinese()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
    }

    public static async Task<(int CommitteeId, int BranchId)> CreateOrganizationsAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var committee = new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 1);
        db.Organizations.Add(committee);
        await db.SaveChangesAsync();
        var branch = new Organization("第一党支部", "DYZB", OrganizationKind.Branch, committee.Id, 1);
        db.Organizations.Add(branch);
        await db.SaveChangesAsync();
        return (committee.Id, branch.Id);
    }

    public static async Task<string> CreateSecretaryAsync(ServiceHarness harness, int branchId) =>
        await harness.CreateUserAsync("secretary", branchId, Roles.Secretary);
}
