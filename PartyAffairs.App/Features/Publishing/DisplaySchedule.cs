using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// Puts approved disclosures on display at their start time and takes them off at their end
/// (§5(四)): the application acts, as <see cref="Actor.System"/>, so it shows in the audit trail.
/// </summary>
public sealed class DisplaySchedule(IDbContextFactory<AppDbContext> dbFactory, BureauClock clock, SettingsReader settings,
    ILogger<DisplaySchedule> logger)
{
    /// <summary>The version a correction replaces, which its publication takes off the board; null for an original.</summary>
    internal static async Task<Disclosure?> CorrectedAsync(AppDbContext db, Disclosure disclosure, CancellationToken cancellationToken) =>
        disclosure.RevisesDisclosureId is { } id
            ? await db.Disclosures.FirstAsync(d => d.Id == id, cancellationToken)
            : null;

    /// <summary>Publishes and closes whatever is due now; returns how many changed.</summary>
    public async Task<(int Published, int Closed)> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var rules = (await settings.GetAsync(cancellationToken)).DisplayRules;
        var published = 0;
        var closed = 0;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var toPublish = await db.Disclosures
            .Include(d => d.CatalogueOccurrence)
            .Where(DisclosureRules.DueToPublishAt(now))
            .ToListAsync(cancellationToken);
        foreach (var d in toPublish)
        {
            d.Publish(Actor.System, now, await CorrectedAsync(db, d, cancellationToken));
            published++;
        }
        var toClose = await db.Disclosures
            .Include(d => d.CatalogueOccurrence)
            .Where(DisclosureRules.DueToCloseAt(now))
            .ToListAsync(cancellationToken);
        foreach (var d in toClose)
        {
            d.Close(Actor.System, now, rules: rules);
            closed++;
        }
        if (published + closed == 0) return (0, 0);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone withdrew or changed one of them meanwhile; the next run sees the current state.
            logger.LogInformation("Display schedule met a concurrent change; retrying on the next run");
            return (0, 0);
        }
        logger.LogInformation("Display schedule: {Published} published, {Closed} closed", published, closed);
        return (published, closed);
    }
}
