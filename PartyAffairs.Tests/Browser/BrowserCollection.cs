using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>One app server for all browser tests: starting it (migrations, demo seed) is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>
{
    public const string Name = "browser";
}
