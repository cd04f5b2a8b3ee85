using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>Drill 4: a role taken away counts from the very next call of a page that was opened with it (one scope = one circuit).</summary>
[Trait("Category", "Drill")]
public sealed class RoleRemovalDrillTests
{
    [Fact]
    public async Task An_office_user_whose_role_is_removed_cannot_approve_on_the_next_click_and_can_again_once_it_is_back()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        await harness.SignInAsync("office");
        await using var circuit = harness.NewScope();
        var review = circuit.ServiceProvider.GetRequiredService<DisclosureReviewService>();
        (await circuit.ServiceProvider.GetRequiredService<ICurrentUser>().GetAsync()).IsInRole(Roles.Office).ShouldBeTrue();

        await SetOfficeRoleAsync(harness, present: false);
        var refused = await review.ApproveAsync(bureau.OutOfCatalogueId, await VersionAsync(harness, bureau.OutOfCatalogueId), true, null);

        refused.Status.ShouldBe(ResultStatus.Forbidden);
        refused.Message.ShouldNotBeNullOrWhiteSpace();
        await using (var db = harness.NewDb())
        {
            (await db.Disclosures.SingleAsync(d => d.Id == bureau.OutOfCatalogueId)).State.ShouldBe(DisclosureState.Submitted);
        }

        await SetOfficeRoleAsync(harness, present: true);
        (await review.ApproveAsync(bureau.OutOfCatalogueId, await VersionAsync(harness, bureau.OutOfCatalogueId), true, null)).Succeeded.ShouldBeTrue();
    }

    private static async Task SetOfficeRoleAsync(ServiceHarness harness, bool present)
    {
        await using var scope = harness.NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var office = await users.FindByNameAsync("office") ?? throw new InvalidOperationException("office missing");
        var result = present ? await users.AddToRoleAsync(office, Roles.Office) : await users.RemoveFromRoleAsync(office, Roles.Office);
        result.Succeeded.ShouldBeTrue();
    }

    private static async Task<int> VersionAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }
}
