using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>The signed-in person's own notifications: count, list, mark read. Nobody reads or marks another's.</summary>
public sealed class NotificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    NotificationSignal signal,
    BureauClock clock,
    Outcomes outcomes)
{
    public async Task<int> GetUnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.IsAuthenticated) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == actor.UserId && n.ReadAtUtc == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationRow>> GetLatestAsync(int take, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.IsAuthenticated) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == actor.UserId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    public Task<Result> MarkReadAsync(int notificationId, CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsAuthenticated, "Access.Denied");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Someone else's notification is as good as absent: its existence is not ours to confirm.
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == actor.UserId, cancellationToken)
            ?? throw new NotFoundException();
        notification.MarkRead(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise([actor.UserId]);
    });

    public Task<Result> MarkAllReadAsync(CancellationToken cancellationToken = default) => outcomes.RunAsync(async () =>
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsAuthenticated, "Access.Denied");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAtUtc == null).ToListAsync(cancellationToken);
        foreach (var notification in unread) notification.MarkRead(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise([actor.UserId]);
    });
}
