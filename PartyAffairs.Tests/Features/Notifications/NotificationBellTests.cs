using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.Tests.Components;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

public sealed class NotificationBellTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_badge_counts_up_when_a_notification_for_the_person_is_signalled()
    {
        harness.UseCulture("zh-CN");
        var bureau = await TestBureau.CreateAsync(harness.Backend);
        var secA = bureau["secA"];
        harness.SignInAs("secA", secA.OrganizationId, [Roles.Secretary], secA.UserId);
        await using var backend = harness.Backend.NewScope();
        harness.Context.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<NotificationService>(backend.ServiceProvider, harness.User));
        await AddAsync(secA.UserId, "第一条");

        var cut = harness.Context.Render<NotificationBell>();
        cut.WaitForAssertion(() => cut.Find(".mud-badge").TextContent.Trim().ShouldBe("1"));

        await AddAsync(secA.UserId, "第二条");
        harness.Backend.Services.GetRequiredService<NotificationSignal>().Raise([secA.UserId]);

        cut.WaitForAssertion(() => cut.Find(".mud-badge").TextContent.Trim().ShouldBe("2"));
    }

    private async Task AddAsync(string userId, string title)
    {
        await using var db = harness.Backend.NewDb();
        db.Notifications.Add(new Notification(userId, title, null, "/feedback", harness.Backend.Time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }
}
