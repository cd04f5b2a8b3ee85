using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Archive;

public sealed class ArchiveQueryServiceTests
{
    private static async Task<IReadOnlyList<ArchiveRow>> RowsFor(ServiceHarness harness, string userName, ArchiveFilter? filter = null)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await harness.Get<ArchiveQueryService>(scope).ListAsync(filter ?? new ArchiveFilter());
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!.Rows;
    }

    [Fact]
    public async Task A_secretary_sees_their_branch_records_the_office_all_of_them_newest_first()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var a2025 = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 2025 年终总结", Audience.AllMembers, DisclosureState.Closed, bureau.Now.AddDays(-30));
        var a2026 = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "A 经费公开", Audience.Public, DisclosureState.Closed, bureau.Now.AddDays(-20));
        var b2026 = await bureau.OutOfCatalogueAsync(bureau.BranchBId, "B 评优公示", Audience.Organization, DisclosureState.Closed, bureau.Now.AddDays(-10));
        await bureau.ArchiveAsync(a2025, 2025, 1, 1);
        await bureau.ArchiveAsync(a2026, 2026, 1, 2);
        await bureau.ArchiveAsync(b2026, 2026, 1, 3);

        (await RowsFor(harness, "secA")).Select(r => r.ArchiveNumber).ShouldBe(["DYZB-2026-0001", "DYZB-2025-0001"]);
        (await RowsFor(harness, "memberB")).Select(r => r.Title).ShouldBe(["B 评优公示"]);
        var all = await RowsFor(harness, "office");
        all.Select(r => r.ArchiveNumber).ShouldBe(["DEZB-2026-0001", "DYZB-2026-0001", "DYZB-2025-0001"]);
        all[0].Digest.Length.ShouldBe(64);
        all[0].Audience.ShouldBe(Audience.Organization);
        (await RowsFor(harness, "leader", new ArchiveFilter(Year: 2025))).Select(r => r.Title).ShouldBe(["A 2025 年终总结"]);
        (await RowsFor(harness, "leader", new ArchiveFilter(OrganizationId: bureau.BranchBId))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_pure_admin_may_not_read_the_archive()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        (await harness.Get<ArchiveQueryService>(scope).ListAsync(new ArchiveFilter())).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
