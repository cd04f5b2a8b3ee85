using System.Diagnostics;
using System.Threading.RateLimiting;

namespace PartyAffairs.App.Hosting.Security;

/// <summary>
/// A fixed-window limiter whose count lives in <see cref="ClusterRateWindows"/>, for one partition (one key) of an
/// ASP.NET rate-limiting policy on PostgreSQL. It answers only asynchronously: the synchronous attempt the middleware makes
/// first is declined without counting, and the middleware then asks <see cref="AcquireAsyncCore"/>, which counts in the
/// database. A refusal carries Retry-After (the rest of the window), as the in-memory fixed window's does.
/// </summary>
public sealed class ClusterWindowLimiter(ClusterRateWindows windows, TimeProvider time, string key, int permitLimit, TimeSpan window) : RateLimiter
{
    private long lastUsed = Stopwatch.GetTimestamp();

    /// <summary>One partition of a policy: the partition's limiter counts under <paramref name="key"/> in the shared table.</summary>
    public static RateLimitPartition<string> Partition(IServiceProvider services, string key, int permitLimit, TimeSpan window)
    {
        var windows = services.GetRequiredService<ClusterRateWindows>();
        var time = services.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(key, k => new ClusterWindowLimiter(windows, time, k, permitLimit, window));
    }

    // Lets ASP.NET drop the partitions of addresses gone quiet; the counts themselves are in the database.
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Declined;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return Lease.Granted;
        var (count, windowEnd) = await windows.CountAsync(key, window, cancellationToken);
        return count <= permitLimit ? Lease.Granted : new Lease(false, windowEnd - time.GetUtcNow());
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Declined = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name && retryAfter is { } wait ? wait : null;
            return metadata is not null;
        }
    }
}
