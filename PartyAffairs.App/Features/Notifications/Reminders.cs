using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Notifications;

/// <summary>The end every reminder shares: of the reminders it would send, only those not yet sent are written, and their bells rung.</summary>
public static class Reminders
{
    /// <summary>
    /// Writes the <paramref name="candidates"/> nobody has had yet (same person, link and title); returns how many. On PostgreSQL
    /// the read and the write hold one lock until the commit: in the moment a node that lost the jobs' lease has not yet noticed,
    /// two nodes may run the same reminder, and the second then finds the first's rows instead of writing them again.
    /// </summary>
    public static async Task<int> WriteMissingAsync(AppDbContext db, List<Notification> candidates, NotificationSignal signal, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0) return 0;
        await using var once = await db.Database.SerializeAcrossNodesAsync(PostgresAdvisoryLock.Reminders, cancellationToken);
        var links = candidates.Select(n => n.Link).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => links.Contains(n.Link))
                .Select(n => new { n.UserId, n.Link, n.Title })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Link, n.Title))
            .ToHashSet();
        var fresh = candidates.Where(n => !existing.Contains((n.UserId, n.Link, n.Title))).ToList();
        if (fresh.Count == 0) return 0;
        db.Notifications.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        if (once is not null) await once.CommitAsync(cancellationToken);
        signal.Raise(fresh.Select(n => n.UserId));
        return fresh.Count;
    }
}
