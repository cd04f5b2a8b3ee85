using PartyAffairs.App.Domain;
using Shouldly;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// What belongs on the printed board (PrintedBoard.Holds), in memory: the Board channel, Public items, and internal
/// items only when a signed-in person chose them. Who may read an item at all is AccessPolicy.Sees, tested on its own.
/// </summary>
public sealed class PrintedBoardRuleTests
{
    private static readonly Actor Member = new("u-member", "党员", 10, new HashSet<string> { Roles.Member });

    [Theory]
    // channel                          audience               signed in  chose internal  on the sheet
    [InlineData(Channel.Board, Audience.Public, false, false, true)]
    [InlineData(Channel.Board | Channel.Media, Audience.Public, false, false, true)]
    [InlineData(Channel.Meeting, Audience.Public, false, false, false)]
    [InlineData(Channel.Document | Channel.Media, Audience.Public, true, true, false)]
    [InlineData(Channel.Board, Audience.AllMembers, false, false, false)]
    [InlineData(Channel.Board, Audience.AllMembers, false, true, false)]
    [InlineData(Channel.Board, Audience.Organization, false, true, false)]
    [InlineData(Channel.Board, Audience.Public, true, false, true)]
    [InlineData(Channel.Board, Audience.AllMembers, true, false, false)]
    [InlineData(Channel.Board, Audience.Organization, true, false, false)]
    [InlineData(Channel.Board, Audience.Public, true, true, true)]
    [InlineData(Channel.Board | Channel.Meeting, Audience.AllMembers, true, true, true)]
    [InlineData(Channel.Board, Audience.Organization, true, true, true)]
    [InlineData(Channel.Meeting | Channel.Document, Audience.AllMembers, true, true, false)]
    [InlineData(Channel.Meeting, Audience.Organization, true, true, false)]
    public void The_sheet_holds_board_items_public_unless_a_signed_in_person_chose_internal(
        Channel channels, Audience audience, bool signedIn, bool choseInternal, bool onTheSheet)
    {
        var item = Disclosure.OutOfCatalogue(10, Category.Other, "临时事项", channels, audience, Drafter, Now);
        var person = signedIn ? Member : Actor.Anonymous;

        PrintedBoard.Holds(person, choseInternal).Compile()(item).ShouldBe(onTheSheet);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void Only_a_signed_in_persons_choice_includes_internal_items(bool signedIn, bool choseInternal, bool included) =>
        PrintedBoard.IncludesInternal(signedIn ? Member : Actor.Anonymous, choseInternal).ShouldBe(included);
}
