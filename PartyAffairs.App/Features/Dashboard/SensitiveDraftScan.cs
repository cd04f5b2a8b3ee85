using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// The dashboard's "sensitive words waiting" card: drafts whose text holds a configured word not yet let through. The words
/// are matched in memory, as the submission check does, so the two never disagree about what counts as a hit. A singleton
/// remembers each draft's hits by its version and last save, so a reload after a change reads again only the texts that
/// changed: at a city's four thousand drafts, reading every body on each change was three quarters of the dashboard's read.
/// </summary>
public sealed class SensitiveDraftScan
{
    /// <summary>Texts read in one statement, well under SQLite's parameter limit.</summary>
    private const int Batch = 500;

    private readonly Lock gate = new();
    private IReadOnlyList<string> words = [];
    private Dictionary<int, Scanned> scanned = [];

    /// <summary>What a draft's title and body held when it was at this version and last save (a draft's text changes only with both).</summary>
    private sealed record Scanned(int Version, DateTime LastSavedAtUtc, IReadOnlyCollection<string> Hits);

    public async Task<EquatableList<SensitiveDraftRow>> FindAsync(AppDbContext db, IReadOnlyList<string> sensitiveWords, int take,
        CancellationToken cancellationToken)
    {
        if (sensitiveWords.Count == 0) return EquatableList<SensitiveDraftRow>.Empty;
        var drafts = await db.Disclosures.AsNoTracking()
            .Where(DisclosureRules.Editable)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Version, d.LastSavedAtUtc, d.SensitiveOverrideWords })
            .ToListAsync(cancellationToken);

        Dictionary<int, Scanned> known;
        lock (gate)
        {
            // New words make every earlier match meaningless.
            if (!words.SequenceEqual(sensitiveWords))
            {
                words = sensitiveWords.ToList();
                scanned = [];
            }
            known = scanned;
        }

        var next = new Dictionary<int, Scanned>(drafts.Count);
        var unread = new List<int>();
        foreach (var draft in drafts)
        {
            if (known.TryGetValue(draft.Id, out var seen) && seen.Version == draft.Version && seen.LastSavedAtUtc == draft.LastSavedAtUtc)
                next[draft.Id] = seen;
            else unread.Add(draft.Id);
        }
        foreach (var ids in unread.Chunk(Batch))
        {
            var texts = await db.Disclosures.AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Version, d.LastSavedAtUtc, d.Title, d.Body })
                .ToListAsync(cancellationToken);
            foreach (var text in texts)
                next[text.Id] = new Scanned(text.Version, text.LastSavedAtUtc, SensitiveWords.InDraft(sensitiveWords, text.Title, text.Body));
        }
        // Only drafts still waiting are kept: a submitted or deleted one drops out. Of two concurrent reloads the later wins,
        // and either one's entries are right for the versions they name.
        lock (gate)
        {
            if (ReferenceEquals(known, scanned)) scanned = next;
        }

        var waiting = drafts
            .Select(d => (d.Id, Words: next.TryGetValue(d.Id, out var s) ? s.Hits.Except(d.SensitiveOverrideWords).ToList() : []))
            .Where(d => d.Words.Count > 0)
            .Take(take)
            .ToList();
        if (waiting.Count == 0) return EquatableList<SensitiveDraftRow>.Empty;
        var shownIds = waiting.Select(d => d.Id).ToList();
        var names = await db.Disclosures.AsNoTracking()
            .Where(d => shownIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, Organization = d.Organization!.Name })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        return new(waiting
            .Where(d => names.ContainsKey(d.Id))
            .Select(d => new SensitiveDraftRow(d.Id, names[d.Id].Title, names[d.Id].Organization, new EquatableList<string>(d.Words)))
            .ToList());
    }
}
