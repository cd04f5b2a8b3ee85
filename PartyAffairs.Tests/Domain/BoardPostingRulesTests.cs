using PartyAffairs.App.Domain;
using Shouldly;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// When a posted board may be recorded (BoardPostingRules, the BoardPosting constructor): who, which day, which items. Now is
/// 2026-11-26 10:00 in Beijing; organization 10 has organization 11 under it; 20 is another branch.
/// </summary>
public sealed class BoardPostingRulesTests
{
    private static readonly IReadOnlySet<int> Tree = new HashSet<int> { 10, 11 };
    private static readonly StoredPhoto Photo = new("board.png", "image/png", 120, new string('a', 64), "uploads/postings/x.png");
    private static readonly Actor OtherSecretary = new("u-other", "他支部书记", 20, new HashSet<string> { Roles.Secretary });
    private static readonly Actor Member = new("u-member", "党员", 10, new HashSet<string> { Roles.Member });

    // Beijing 2026-11-20 00:00 is 2026-11-19 16:00 UTC.
    private static DateTime At(int day, int hour) => new DateTime(2026, 11, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    private static PostableItem Item(int organizationId = 10, Channel channels = Channel.Board, int? fromDay = 20, int? untilDay = 27) =>
        new(1, organizationId, channels, fromDay is { } f && untilDay is { } u ? (At(f, 9), At(u, 9)) : null);

    [Theory]
    // posted on (Nov)  organization  channels                 shown from/until  problem
    [InlineData(22, 10, Channel.Board, 20, 27, null)]
    [InlineData(26, 10, Channel.Board, 20, 27, null)]                               // today
    [InlineData(27, 10, Channel.Board, 20, 28, "BoardPosting.DateInFuture")]        // tomorrow
    [InlineData(20, 10, Channel.Board, 20, 27, null)]                               // the day it went up, from 09:00
    [InlineData(19, 10, Channel.Board, 20, 27, "BoardPosting.ItemNotOnDisplay")]    // before its display began
    [InlineData(27, 10, Channel.Board, 20, 27, "BoardPosting.DateInFuture")]
    [InlineData(25, 10, Channel.Board, 20, 24, "BoardPosting.ItemNotOnDisplay")]    // it came down the day before
    [InlineData(24, 10, Channel.Board, 20, 24, null)]                               // up until 09:00 that day
    [InlineData(22, 11, Channel.Board, 20, 27, null)]                               // an organization under it
    [InlineData(22, 20, Channel.Board, 20, 27, "BoardPosting.ItemNotOnDisplay")]    // another branch's item
    [InlineData(22, 10, Channel.Meeting, 20, 27, "BoardPosting.ItemNotOnDisplay")]  // not a Board-channel item
    [InlineData(22, 10, Channel.Board | Channel.Media, 20, 27, null)]
    [InlineData(22, 10, Channel.Board, null, null, "BoardPosting.ItemNotOnDisplay")] // never published
    public void A_posting_carries_board_items_of_its_organization_on_display_that_day_and_is_not_in_the_future(
        int postedOn, int organizationId, Channel channels, int? fromDay, int? untilDay, string? problem)
    {
        var problems = BoardPostingRules.Problems(new DateOnly(2026, 11, postedOn), new DateOnly(2026, 11, 26),
            [Item(organizationId, channels, fromDay, untilDay)], Tree, Beijing);

        problems.FirstOrDefault().ShouldBe(problem);
    }

    [Fact]
    public void A_posting_needs_at_least_one_item()
    {
        BoardPostingRules.Problems(new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 26), [], Tree, Beijing)
            .ShouldBe(["BoardPosting.ItemsRequired"]);
    }

    [Theory]
    [InlineData("secretary", true)]
    [InlineData("drafter", true)]
    [InlineData("office", true)]
    [InlineData("leader", false)]
    [InlineData("member", false)]
    [InlineData("other-secretary", false)]
    [InlineData("anonymous", false)]
    public void Only_the_organizations_own_drafters_and_the_office_record_its_postings(string who, bool allowed)
    {
        var actor = who switch
        {
            "secretary" => Secretary,
            "drafter" => Drafter,
            "office" => Office,
            "leader" => Leader,
            "member" => Member,
            "other-secretary" => OtherSecretary,
            _ => Actor.Anonymous,
        };

        BoardPostingRules.MayRecord(actor, 10).ShouldBe(allowed);
        var record = () => new BoardPosting(10, new DateOnly(2026, 11, 22), "一楼公开栏", Photo, [Item()], Tree, actor, Now, Beijing);
        if (allowed) record().PendingAudit.ShouldHaveSingleItem().Action.ShouldBe(WorkflowAction.RecordBoardPosting);
        else record.ShouldThrow<AccessDeniedException>();
    }

    [Fact]
    public void The_entity_refuses_what_the_rules_refuse_and_keeps_what_it_was_given()
    {
        Should.Throw<DomainRuleException>(() => new BoardPosting(10, new DateOnly(2026, 11, 27), "一楼", Photo, [Item()], Tree, Secretary, Now, Beijing))
            .Code.ShouldBe("BoardPosting.DateInFuture");
        Should.Throw<DomainRuleException>(() => new BoardPosting(10, new DateOnly(2026, 11, 22), " ", Photo, [Item()], Tree, Secretary, Now, Beijing))
            .Code.ShouldBe("BoardPosting.LocationRequired");

        var posting = new BoardPosting(10, new DateOnly(2026, 11, 22), " 一楼公开栏 ", Photo, [Item(), Item()], Tree, Secretary, Now, Beijing);
        (posting.Location, posting.PhotoSha256, posting.RecordedById).ShouldBe(("一楼公开栏", new string('a', 64), "u-secretary"));
        posting.Items.ShouldHaveSingleItem().DisclosureId.ShouldBe(1);
    }
}
