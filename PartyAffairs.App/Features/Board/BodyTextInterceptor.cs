using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartyAffairs.App.Data.Configurations;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// Keeps each disclosure's body plain text in the shadow column <see cref="DisclosureConfiguration.BodyTextColumn"/> for the
/// board's full-text search: triggers copy it with the title and the attachments' text into the <c>DisclosureSearch</c> FTS
/// table. Set on every save that adds a disclosure or changes its body, whichever service made the change, so no editing
/// path can forget it; rows stored before the column existed are filled by <c>SearchTextBackfill</c> at startup.
/// </summary>
public sealed class BodyTextInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Refresh(context.ChangeTracker);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Refresh(context.ChangeTracker);
        return ValueTask.FromResult(result);
    }

    /// <summary>The searchable text of a stored body.</summary>
    public static string Of(string? body) => BodyHtml.ToPlainText(body);

    private static void Refresh(ChangeTracker changes)
    {
        // The context has just detected its changes (or the caller turned detection off and set them itself).
        foreach (var entry in changes.Entries<Disclosure>())
        {
            var changed = entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(d => d.Body).IsModified);
            if (changed) entry.Property<string?>(DisclosureConfiguration.BodyTextColumn).CurrentValue = Of(entry.Entity.Body);
        }
    }
}
