using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>Applies <see cref="FeedbackAnonymity"/> to audit entries already read: the ids of those shown as 匿名.</summary>
public static class AuditRedaction
{
    public static async Task<IReadOnlySet<long>> RedactedAsync(AppDbContext db, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count == 0) return new HashSet<long>();
        var ids = entryIds.ToList();
        return (await db.AuditEntries.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Where(FeedbackAnonymity.Redacted(db.Feedback))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
    }
}
