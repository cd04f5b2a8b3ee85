using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>Runs the display schedule once at start and then every minute.</summary>
public sealed class DisplayScheduleWorker(DisplaySchedule schedule, JobLease lease, TimeProvider time, ILogger<DisplayScheduleWorker> logger)
    : PeriodicWorker(lease, time, logger, TimeSpan.FromMinutes(1))
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => schedule.RunDueAsync(cancellationToken);
}
