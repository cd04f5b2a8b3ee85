using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Notifications;

public sealed class NotificationServiceTests
{
    [Fact]
    public async Task A_person_counts_lists_and_marks_only_their_own_notifications()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var now = bureau.Now;
        var theirs = new Notification(bureau["secB"].UserId, "别人的通知", null, "/feedback", now);
        var older = new Notification(bureau["secA"].UserId, "较早的通知", null, "/feedback", now.AddHours(-2));
        var newer = new Notification(bureau["secA"].UserId, "较新的通知", null, "/feedback", now.AddHours(-1));
        await using (var db = harness.NewDb())
        {
            db.Notifications.AddRange(theirs, older, newer);
            await db.SaveChangesAsync();
        }
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();
        var service = scope.ServiceProvider.GetRequiredService<NotificationService>();

        (await service.GetUnreadCountAsync()).ShouldBe(2);
        (await service.GetLatestAsync(10)).Select(n => n.Title).ShouldBe(["较新的通知", "较早的通知"]);

        (await service.MarkReadAsync(theirs.Id)).Status.ShouldBe(ResultStatus.NotFound);
        await harness.SignInAsync("secB");
        (await service.GetUnreadCountAsync()).ShouldBe(1);

        await harness.SignInAsync("secA");
        (await service.MarkReadAsync(older.Id)).Succeeded.ShouldBeTrue();
        (await service.GetUnreadCountAsync()).ShouldBe(1);
        (await service.GetLatestAsync(10)).Single(n => n.Id == older.Id).IsRead.ShouldBeTrue();

        (await service.MarkAllReadAsync()).Succeeded.ShouldBeTrue();
        (await service.GetUnreadCountAsync()).ShouldBe(0);
        await harness.SignInAsync("secB");
        (await service.GetUnreadCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Marking_read_signals_the_persons_open_bells()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var mine = new Notification(bureau["secA"].UserId, "通知", null, null, bureau.Now);
        await using (var db = harness.NewDb())
        {
            db.Notifications.Add(mine);
            await db.SaveChangesAsync();
        }
        var heard = new TaskCompletionSource();
        using var _ = harness.Services.GetRequiredService<NotificationSignal>().Subscribe(bureau["secA"].UserId, () =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        });
        await harness.SignInAsync("secA");
        await using var scope = harness.NewScope();

        (await scope.ServiceProvider.GetRequiredService<NotificationService>().MarkReadAsync(mine.Id)).Succeeded.ShouldBeTrue();

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
