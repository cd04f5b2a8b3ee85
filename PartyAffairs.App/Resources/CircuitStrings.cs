namespace PartyAffairs.App.Resources;

/// <summary>Marker for the live-connection (circuit) messages (CircuitStrings.resx Chinese, CircuitStrings.en.resx English).</summary>
public sealed class CircuitStrings;
