using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>The review route in force follows the "Office approves everything" setting as soon as it is saved.</summary>
public sealed class ReviewRoutesTests
{
    [Fact]
    public async Task The_route_follows_the_setting_once_it_is_saved()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var routes = harness.Services.GetRequiredService<ReviewRoutes>();
        var outOfCatalogue = DomainOutOfCatalogue();

        var before = await routes.CurrentAsync();
        before.OfficeApprovesEverything.ShouldBeFalse();
        before.For(outOfCatalogue).Reasons.ShouldBe([ReviewReason.OutOfCatalogue]);

        await harness.CreateUserAsync("office", null, Roles.Office);
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            (await harness.Get<SettingsService>(scope).SaveAsync(new AppSettings { OfficeApprovesEverything = true })).Succeeded.ShouldBeTrue();
        }

        var after = await routes.CurrentAsync();
        after.OfficeApprovesEverything.ShouldBeTrue();
        after.For(outOfCatalogue).Reasons.ShouldBe([ReviewReason.OutOfCatalogue, ReviewReason.OfficeApprovesEverything]);
    }

    private static Disclosure DomainOutOfCatalogue() =>
        Disclosure.OutOfCatalogue(1, Category.Other, "临时事项", Channel.Board, Audience.Public, new Actor("u", "起草人", 1, new HashSet<string> { Roles.Drafter }), ServiceHarness.DefaultNow.UtcDateTime);
}
