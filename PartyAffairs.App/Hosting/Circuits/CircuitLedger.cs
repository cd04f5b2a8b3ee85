using System.Collections.Concurrent;

namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// How many live circuits each person (or anonymous address) holds now: a slot is taken when a connection starts or
/// resumes a circuit and given back when that connection ends. A singleton shared by every connection of one node: the
/// ledger of a SQLite deployment, which is one node (PostgreSQL's is <see cref="ClusterCircuitLedger"/>).
/// </summary>
public sealed class CircuitLedger : ICircuitLedger
{
    private readonly ConcurrentDictionary<string, int> open = new();

    public int OpenFor(string holder) => open.GetValueOrDefault(holder);

    /// <summary>Takes a slot for <paramref name="holder"/> unless they already hold <paramref name="limit"/>.</summary>
    public bool TryTake(string holder, int limit)
    {
        while (true)
        {
            var current = open.GetOrAdd(holder, 0);
            if (current >= limit) return false;
            if (open.TryUpdate(holder, current + 1, current)) return true;
        }
    }

    ValueTask<CircuitSlot?> ICircuitLedger.TryTakeAsync(string holder, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryTake(holder, limit) ? new CircuitSlot(holder, Guid.Empty) : null);

    ValueTask ICircuitLedger.GiveAsync(CircuitSlot slot)
    {
        Give(slot.Holder);
        return ValueTask.CompletedTask;
    }

    public void Give(string holder)
    {
        while (true)
        {
            if (!open.TryGetValue(holder, out var current)) return;
            if (current <= 1)
            {
                if (open.TryRemove(new KeyValuePair<string, int>(holder, current))) return;
            }
            else if (open.TryUpdate(holder, current - 1, current))
            {
                return;
            }
        }
    }
}
