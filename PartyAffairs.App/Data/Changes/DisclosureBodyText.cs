using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;

namespace PartyAffairs.App.Data.Changes;

/// <summary>
/// The plain text of each disclosure's body, kept in the shadow column <see cref="Column"/> for the board's full-text
/// search: triggers copy it with the title and the attachments' text into the <c>DisclosureSearch</c> FTS table. Set on
/// every save that adds a disclosure or changes its body, whichever service made the change, so no editing path can
/// forget it; rows stored before the column existed are filled by <c>SearchTextBackfill</c> at startup.
/// </summary>
public static class DisclosureBodyText
{
    public const string Column = "BodyText";

    public static void Refresh(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<Disclosure>())
        {
            var changed = entry.State == Microsoft.EntityFrameworkCore.EntityState.Added
                || (entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified && entry.Property(d => d.Body).IsModified);
            if (changed) entry.Property<string?>(Column).CurrentValue = Of(entry.Entity.Body);
        }
    }

    /// <summary>The searchable text of a stored body.</summary>
    public static string Of(string? body) => BodyHtml.ToPlainText(body);
}
