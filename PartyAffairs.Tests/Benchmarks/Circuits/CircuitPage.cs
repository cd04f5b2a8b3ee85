using System.Text.Json.Nodes;

namespace PartyAffairs.Tests.Benchmarks.Circuits;

/// <summary>A prerendered page as a circuit needs it: its address, its root components' markers, its persisted state.</summary>
public sealed record CircuitPage(Uri Uri, IReadOnlyList<JsonObject> Markers, string ApplicationState);
