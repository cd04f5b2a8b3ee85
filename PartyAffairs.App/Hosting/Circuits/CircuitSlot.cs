namespace PartyAffairs.App.Hosting.Circuits;

/// <summary>One live circuit connection's place in an <see cref="ICircuitLedger"/>, given back when the connection ends.</summary>
public sealed record CircuitSlot(string Holder, Guid Id);
