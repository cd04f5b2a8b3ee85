namespace PartyAffairs.App.Features.Shared;

/// <summary><c>JobLease:RetryInterval</c>: how often a node that does not hold the lease tries to take it, and how often the holder
/// checks its lease connection. It bounds how long the jobs wait after their node dies.</summary>
public sealed class JobLeaseOptions
{
    public const string Section = "JobLease";

    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
