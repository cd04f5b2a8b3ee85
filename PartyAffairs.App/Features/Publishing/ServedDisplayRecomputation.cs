using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// Brings records made under the first year's rules in line with "display is what was served", at every start (both
/// steps find nothing once done, so it runs again harmlessly): a published correction takes the version it corrects off
/// the board, and an occurrence whose item came off display before its minimum period is open again. Each change is
/// audited as the system's, with the reason.
/// </summary>
public sealed class ServedDisplayRecomputation(IDbContextFactory<AppDbContext> dbFactory, SettingsReader settings, BureauClock clock,
    ILogger<ServedDisplayRecomputation> logger)
{
    public const string Reason = "规则重算：按实际展示重新核定";

    public async Task<(int Superseded, int Reopened)> RunAsync(CancellationToken cancellationToken)
    {
        var rules = (await settings.GetAsync(cancellationToken)).DisplayRules;
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var corrections = await db.Disclosures
            .Where(c => c.RevisesDisclosureId != null && c.PublishedAtUtc != null
                && db.Disclosures.Any(o => o.Id == c.RevisesDisclosureId && o.SupersededByDisclosureId == null))
            .OrderBy(c => c.PublishedAtUtc)
            .ToListAsync(cancellationToken);
        foreach (var correction in corrections)
        {
            var original = await db.Disclosures.FirstAsync(d => d.Id == correction.RevisesDisclosureId, cancellationToken);
            original.SupersedeBy(correction, Actor.System, now);
        }

        // The version now standing for each fulfilled occurrence (not replaced by a correction), published since it was
        // fulfilled, that came off display (withdrawn, closed) before the longest minimum could have passed.
        var week = DisplayRules.ImportantMinimum.TotalDays;
        // Only the few columns the rule reads, untracked: at a city thousands of rows come off display in their first week, and
        // nearly all of them were served (shorter minimum); only the ones that were not are loaded whole and changed.
        var candidates = await db.Disclosures.AsNoTracking()
            .Where(d => d.SupersededByDisclosureId == null && d.PublishedAtUtc != null
                && (d.State == DisclosureState.Withdrawn || d.State == DisclosureState.Closed)
                && d.CatalogueOccurrence!.State == OccurrenceState.Fulfilled
                && d.PublishedAtUtc >= d.CatalogueOccurrence.FulfilledAtUtc
                && (d.WithdrawnAtUtc ?? d.ClosedAtUtc) < d.CatalogueOccurrence.FulfilledAtUtc!.Value.AddDays(week))
            .Select(d => new { d.Id, FulfilledAtUtc = d.CatalogueOccurrence!.FulfilledAtUtc!.Value, Off = d.WithdrawnAtUtc ?? d.ClosedAtUtc, d.Important })
            .ToListAsync(cancellationToken);
        var unserved = candidates.Where(c => !rules.Served(c.FulfilledAtUtc, c.Off ?? now, c.Important)).Select(c => c.Id).ToList();
        var shortOnes = unserved.Count == 0 ? [] : await db.Disclosures
            .Include(d => d.CatalogueOccurrence)
            .Where(d => unserved.Contains(d.Id))
            .ToListAsync(cancellationToken);
        var reopened = 0;
        foreach (var d in shortOnes)
        {
            d.ReopenOccurrence(Actor.System, now, $"{Reason}（{d.CatalogueOccurrence!.Label}）");
            reopened++;
        }
        if (corrections.Count + reopened == 0) return (0, 0);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Recomputed under the served-display rules: {Superseded} corrected versions taken off the board, {Reopened} occurrences reopened",
            corrections.Count, reopened);
        return (corrections.Count, reopened);
    }
}
