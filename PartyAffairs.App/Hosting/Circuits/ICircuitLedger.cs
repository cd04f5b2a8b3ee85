namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>
/// Who holds how many live circuits: <see cref="CircuitLedger"/> in one process's memory (SQLite, one node), or
/// <see cref="ClusterCircuitLedger"/> in the shared database (PostgreSQL), so a person's circuits count on every node together.
/// </summary>
public interface ICircuitLedger
{
    /// <summary>A slot for <paramref name="holder"/>, or null when they already hold <paramref name="limit"/>.</summary>
    ValueTask<CircuitSlot?> TryTakeAsync(string holder, int limit, CancellationToken cancellationToken);

    ValueTask GiveAsync(CircuitSlot slot);
}
