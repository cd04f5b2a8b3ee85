using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Settings;

/// <summary>The settings are served from a shared copy; a save is seen by the very next read, in every circuit.</summary>
public sealed class SettingsCacheTests
{
    [Fact]
    public async Task A_saved_setting_is_read_at_once_by_another_circuit_that_had_read_the_old_value()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("keeper", null, Roles.Office);
        await harness.SignInAsync("keeper");
        await using var reader = harness.NewScope();
        var readerSettings = reader.ServiceProvider.GetRequiredService<SettingsService>();
        (await readerSettings.GetAsync()).AttachmentMaxMegabytes.ShouldBe(20);

        await using (var writer = harness.NewScope())
        {
            var settings = writer.ServiceProvider.GetRequiredService<SettingsService>();
            (await settings.SaveAsync(await settings.GetAsync() with { AttachmentMaxMegabytes = 7 })).Succeeded.ShouldBeTrue();
        }

        (await readerSettings.GetAsync()).AttachmentMaxMegabytes.ShouldBe(7);
    }

    [Fact]
    public void A_read_that_began_before_a_save_is_not_kept()
    {
        var cache = new SettingsCache();
        cache.TryGet(out var before).ShouldBeNull();

        cache.Invalidate();
        cache.Store(new AppSettings { AttachmentMaxMegabytes = 1 }, before);

        cache.TryGet(out var after).ShouldBeNull();
        cache.Store(new AppSettings { AttachmentMaxMegabytes = 2 }, after);
        cache.TryGet(out _)!.AttachmentMaxMegabytes.ShouldBe(2);
    }
}
