using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>
/// Runs <see cref="DueDateRecomputation.CatchUpProvisionalYearsAsync"/> once, after the app has started answering rather than
/// before: it reads every open occurrence of every catalogue in force (a city's 50,000, about 10 s on this machine) to move the
/// few that need it, and nothing a visitor reads waits on a due date. A failure (say, an edit of the same catalogue at that
/// moment) is logged; the next start tries again. With several nodes the holder of the <see cref="JobLease"/> does it, once it holds
/// the lease; a node that never holds it leaves it to the one that does.
/// </summary>
public sealed class ProvisionalDueDatesWorker(DueDateRecomputation recomputation, WorkingDayService workingDays, SettingsReader settings,
    NotificationSignal signal, JobLease lease, ILogger<ProvisionalDueDatesWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lease.RunWhileHeldAsync(CatchUpAsync, stoppingToken);

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await recomputation.CatchUpProvisionalYearsAsync(await workingDays.GetCalendarAsync(stoppingToken),
                (await settings.GetAsync(stoppingToken)).DueRules, signal, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Catching up the due dates of years without a notice failed; the next start tries again");
        }
    }
}
