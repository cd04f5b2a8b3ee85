namespace PartyAffairs.Tests.Support;

/// <summary>Both nodes started at the same moment on the empty database, as a deployment's nodes come up after a reboot.</summary>
public sealed class TwoNodesStartedTogether() : TwoNodes(together: true);
