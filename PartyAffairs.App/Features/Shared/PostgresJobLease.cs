using Microsoft.Extensions.Options;
using Npgsql;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// The job lease on PostgreSQL: a session advisory lock (<see cref="PostgresAdvisoryLock.JobLease"/>) held by a connection of its
/// own. A node that does not hold it tries again every <see cref="JobLeaseOptions.RetryInterval"/>; the holder listens on its
/// connection and checks it as often, and when it breaks it cancels its jobs at once and goes back to trying. A holder that dies drops its connection,
/// the server frees the lock, and another node takes it at its next try. Between a holder losing its session and noticing, two nodes
/// can run a job for a moment: the jobs stay safe when that happens (the display schedule's transitions are guarded by each item's
/// state and version). Started with the host, or by the first job that asks, whichever comes first; let go when the host stops
/// (after the jobs, which registered after it) or when the container is disposed.
/// </summary>
public sealed class PostgresJobLease(DatabaseOptions database, IOptions<JobLeaseOptions> options, ILogger<PostgresJobLease> logger)
    : JobLease, IHostedService, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private CancellationTokenSource? holding;
    private TaskCompletionSource<CancellationToken> held = NewWaiter();

    public override bool IsHeld
    {
        get
        {
            lock (gate) return holding is not null;
        }
    }

    public override async Task RunWhileHeldAsync(Func<CancellationToken, Task> job, CancellationToken stoppingToken)
    {
        EnsureStarted();
        while (true)
        {
            Task<CancellationToken> waiting;
            lock (gate) waiting = held.Task;
            var lease = await waiting.WaitAsync(stoppingToken);
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease);
            try
            {
                await job(run.Token);
                return;
            }
            catch (OperationCanceledException) when (lease.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("A background job stopped with the job lease; it starts again when this node holds the lease again");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopHoldingAsync().WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await StopHoldingAsync();

    private void EnsureStarted()
    {
        lock (gate)
        {
            if (!stopping.IsCancellationRequested) loop ??= Task.Run(() => HoldAsync(stopping.Token));
        }
    }

    private async Task StopHoldingAsync()
    {
        Task? running;
        lock (gate)
        {
            running = loop;
            stopping.Cancel();
        }
        if (running is not null) await running;
    }

    /// <summary>Tries, holds, checks; on any failure lets go, waits and starts over, until stopped.</summary>
    private async Task HoldAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetryInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await PostgresAdvisoryLock.OpenUnpooledAsync(database.ConnectionString!, "job lease", stoppingToken);
                await EndSessionWhenSilentAsync(connection, interval * 3, stoppingToken);
                while (!await PostgresAdvisoryLock.TryLockAsync(connection, PostgresAdvisoryLock.JobLease, interval, stoppingToken))
                    await Task.Delay(interval, TimeProvider.System, stoppingToken);
                Acquired();
                try
                {
                    while (true)
                    {
                        // Reading the idle connection ends at once when the server ends the session or the socket closes; a
                        // network gone silent is caught by the check after it.
                        await connection.WaitAsync(interval, stoppingToken);
                        await PostgresAdvisoryLock.PingAsync(connection, interval, stoppingToken);
                    }
                }
                finally
                {
                    // Before the connection closes and the lock is free for another node.
                    Released(stoppingToken.IsCancellationRequested);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The job lease connection failed; trying again in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// A holder cut off from the server stops its jobs at its next failed check; the server, though, would keep the silent session and
    /// its lock until TCP gave up on it (hours), and no node would run the jobs meanwhile. The checks keep a live session busy, so a
    /// session silent for three intervals is a lost one, and the server ends it (PostgreSQL 14 and later).
    /// </summary>
    private static async Task EndSessionWhenSilentAsync(NpgsqlConnection connection, TimeSpan after, CancellationToken cancellationToken)
    {
        if (connection.PostgreSqlVersion.Major < 14) return;
        await using var command = new NpgsqlCommand("SELECT set_config('idle_session_timeout', @ms, false)", connection);
        command.Parameters.AddWithValue("ms", ((long)after.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Acquired()
    {
        lock (gate)
        {
            holding = new CancellationTokenSource();
            held.TrySetResult(holding.Token);
        }
        logger.LogInformation("This node holds the job lease: it runs the background jobs");
    }

    private void Released(bool stopping)
    {
        CancellationTokenSource? lost;
        lock (gate)
        {
            lost = holding;
            holding = null;
            held = NewWaiter();
        }
        lost?.Cancel();
        if (!stopping) logger.LogWarning("This node lost the job lease: its background jobs stop until it holds the lease again");
    }

    private static TaskCompletionSource<CancellationToken> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
