namespace PartyAffairs.App.Data;

/// <summary>
/// One write transaction at a time in this process, served first come, first served. SQLite allows one writer anyway, but
/// its busy handler makes waiting writers poll with growing sleeps, so under contention some wait seconds while newcomers
/// slip in; queueing here keeps the slowest write close to (writers × one commit).
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Release(turn);
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) turn.Release();
        }
    }
}
