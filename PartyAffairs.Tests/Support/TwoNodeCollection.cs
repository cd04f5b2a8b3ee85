namespace PartyAffairs.Tests.Support;

/// <summary>
/// The two-node tests run one class at a time and apart from every other test: each starts a PostgreSQL cluster and two
/// nodes, and they measure deadlines the issue names (1 s), which a 2-core machine busy with other fixtures would blur.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoNodeCollection
{
    public const string Name = "two nodes";
}
