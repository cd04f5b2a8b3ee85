using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// Brings catalogues approved under the first year's rule in line with "standing lines are on display all year", at every
/// start (it finds nothing once done): the open occurrences of each standing line of a catalogue in force are re-planned as the
/// year's one standing occurrence, due the standing working days after the day the catalogue came into force (its approval,
/// which put it in force at once). Audited on the catalogue as the system's, with the reason.
/// </summary>
public sealed class StandingPlanRecomputation(IDbContextFactory<AppDbContext> dbFactory, SettingsReader settings, WorkingDayService workingDays,
    BureauClock clock, ILogger<StandingPlanRecomputation> logger)
{
    public const string Reason = "规则重算：长期公开事项全年在栏，按目录生效后工作日重新确定期限";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standingLabel = "（长期公开）";
        var catalogueIds = await db.CatalogueOccurrences
            .Where(o => o.State == OccurrenceState.Open && o.CatalogueItem!.Standing && !o.CatalogueItem.IsRetired && !o.Label.EndsWith(standingLabel))
            .Where(o => db.Catalogues.Any(c => c.Id == o.CatalogueItem!.CatalogueId && c.State == CatalogueState.InForce))
            .Select(o => o.CatalogueItem!.CatalogueId).Distinct().ToListAsync(cancellationToken);
        if (catalogueIds.Count == 0) return 0;

        var rules = (await settings.GetAsync(cancellationToken)).DueRules;
        var calendar = await workingDays.GetCalendarAsync(cancellationToken);
        var now = clock.UtcNow;
        var changed = 0;
        foreach (var id in catalogueIds)
        {
            var catalogue = await db.Catalogues.Include(c => c.Items).ThenInclude(i => i.Occurrences).SingleAsync(c => c.Id == id, cancellationToken);
            var inForceDay = DateOnly.FromDateTime(clock.ToLocal(catalogue.ApprovedAtUtc ?? catalogue.CreatedAtUtc));
            changed += catalogue.ReplanStandingLines(calendar, rules, inForceDay, Actor.System, now, Reason);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Re-planned {Count} open occurrences of standing lines in {Catalogues} catalogues in force", changed, catalogueIds.Count);
        return changed;
    }
}
