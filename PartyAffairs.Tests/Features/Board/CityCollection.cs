namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// One generated city (<see cref="CityBoardServer"/>) for the HTTP tests that read it, the board's and the signed-in pages':
/// generating it is the slow part, and neither changes it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CityBoardServer>
{
    public const string Name = "city";
}
