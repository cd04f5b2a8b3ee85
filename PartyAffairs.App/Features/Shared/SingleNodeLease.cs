namespace PartyAffairs.App.Features.Shared;

/// <summary>On SQLite the one node is the only node: it runs every job, straight away, exactly as before leases existed.</summary>
public sealed class SingleNodeLease : JobLease
{
    public override bool IsHeld => true;

    public override Task RunWhileHeldAsync(Func<CancellationToken, Task> job, CancellationToken stoppingToken) => job(stoppingToken);
}
