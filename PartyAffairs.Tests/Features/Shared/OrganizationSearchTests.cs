using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Shared;

/// <summary>Every organization chooser searches in SQL within the page's scope, a handful of matches at a time.</summary>
public sealed class OrganizationSearchTests
{
    /// <summary>The test bureau's three organizations, thirty more branches (支部01…30, codes ZB01…) and one inactive one.</summary>
    private static async Task<TestBureau> CityAsync(ServiceHarness harness)
    {
        var bureau = await TestBureau.CreateAsync(harness);
        await using var db = harness.NewDb();
        for (var n = 1; n <= 30; n++)
            db.Organizations.Add(new Organization($"支部{n:00}", $"ZB{n:00}", OrganizationKind.Branch, bureau.CommitteeId, 10 + n));
        var closed = new Organization("已撤销支部", "CLOSED", OrganizationKind.Branch, bureau.CommitteeId, 99);
        closed.SetActive(false);
        db.Organizations.Add(closed);
        await db.SaveChangesAsync();
        return bureau;
    }

    [Fact]
    public async Task An_empty_box_shows_the_first_few_in_the_bureaus_order_and_text_narrows_by_name_or_code()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await CityAsync(harness);
        await using var scope = harness.NewScope();
        var search = harness.Get<OrganizationSearch>(scope);

        var first = await search.FindAsync(null, OrganizationScope.All);
        first.Count.ShouldBe(OrganizationSearch.MaxResults);
        first.Take(3).Select(o => o.Name).ShouldBe(["机关党委", "第一党支部", "第二党支部"]);

        (await search.FindAsync("支部2", OrganizationScope.All)).Select(o => o.Name)
            .ShouldBe(["支部20", "支部21", "支部22", "支部23", "支部24", "支部25", "支部26", "支部27", "支部28", "支部29"]);
        (await search.FindAsync("zb07", OrganizationScope.All)).Select(o => o.Name).ShouldBe(["支部07"], "codes match whatever their case");
        (await search.FindAsync("撤销", OrganizationScope.All)).ShouldBeEmpty("an inactive organization is not offered");
        (await search.FindAsync("支部", OrganizationScope.All, max: 5)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_scoped_person_is_offered_only_her_own_organizations_whatever_she_types()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await CityAsync(harness);
        await using var scope = harness.NewScope();
        var search = harness.Get<OrganizationSearch>(scope);
        var own = OrganizationScope.Of([bureau.BranchAId]);

        (await search.FindAsync(null, own)).Select(o => o.Id).ShouldBe([bureau.BranchAId]);
        (await search.FindAsync("第二", own)).ShouldBeEmpty();
        (await search.FindAsync("第一", own)).Select(o => o.Name).ShouldBe(["第一党支部"]);
        (await search.FindAsync(null, OrganizationScope.None)).ShouldBeEmpty();
        (await search.GetAsync(bureau.BranchBId))!.Name.ShouldBe("第二党支部");
    }

    /// <summary>
    /// A scope less some organizations (an organization's own subtree, when choosing its parent) never offers them, in SQL,
    /// whatever is typed and whatever <see cref="OrganizationScope.Only"/> allows. Codes name the organizations: JGDW the
    /// committee, DYZB / DEZB the test bureau's branches, ZB01… the thirty added ones.
    /// </summary>
    [Theory]
    [InlineData("all", "ZB01,ZB02,ZB03", "支部0", "支部04,支部05,支部06,支部07,支部08,支部09")]
    [InlineData("all", "JGDW,DYZB", "", "第二党支部,支部01,支部02")]
    [InlineData("all", "ZB07", "zb07", "")]
    [InlineData("all", "", "zb07", "支部07")]
    [InlineData("DYZB,DEZB", "DEZB", "", "第一党支部")]
    [InlineData("DYZB,DEZB", "DYZB,DEZB", "", "")]
    [InlineData("DYZB", "ZB05", "", "第一党支部")]
    public async Task An_excluded_organization_is_never_offered(string only, string except, string text, string expected)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await CityAsync(harness);
        await using var db = harness.NewDb();
        var ids = await db.Organizations.ToDictionaryAsync(o => o.Code, o => o.Id);
        List<int> Ids(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => ids[c]).ToList();
        var organizations = (only == "all" ? OrganizationScope.All : OrganizationScope.Of(Ids(only))).Excluding(Ids(except));
        await using var scope = harness.NewScope();
        var search = harness.Get<OrganizationSearch>(scope);

        var found = await search.FindAsync(text, organizations, max: 3 + (text.Length > 0 ? 10 : 0));

        found.Select(o => o.Name).ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
        organizations.IsEmpty.ShouldBe(only != "all" && expected.Length == 0);
        Ids(except).ShouldAllBe(id => !organizations.Includes(id));
    }
}
