using System.Reflection;
using PartyAffairs.App.Domain;
using Shouldly;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// Which postings the assessment counts (BoardPostingRules.CountedBetween): by state, by the day the board went up against
/// the period, and in which quarter. Postings are made by the real constructor on 2026-11-26, of organization 10.
/// </summary>
public sealed class BoardPostingCountingTests
{
    private static readonly StoredPhoto Photo = new("board.png", "image/png", 120, new string('a', 64), "uploads/postings/x.png");

    /// <summary>Every state, decided: does a posting in it mean a board really went up? A new state fails here until it is decided.</summary>
    private static readonly Dictionary<BoardPostingState, bool> Decisions = new()
    {
        [BoardPostingState.Recorded] = true,
    };

    private static BoardPosting Posting(DateOnly postedOn, BoardPostingState state = BoardPostingState.Recorded)
    {
        var shown = (new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var posting = new BoardPosting(10, postedOn, "办公楼一楼公开栏", Photo, [new PostableItem(1, 10, Channel.Board, shown)],
            new HashSet<int> { 10 }, Secretary, Now, Beijing);
        // A state the constructor does not give (there is none yet) is set as the database would load it.
        typeof(BoardPosting).GetProperty(nameof(BoardPosting.State), BindingFlags.Public | BindingFlags.Instance)!.SetValue(posting, state);
        return posting;
    }

    private static bool Counted(BoardPosting posting, DateOnly from, DateOnly to) => BoardPostingRules.CountedBetween(from, to).Compile()(posting);

    [Theory]
    // posted on     period from   period to     counted
    [InlineData("2026-04-01", "2026-04-01", "2026-06-30", true)]   // the first day of the quarter
    [InlineData("2026-06-30", "2026-04-01", "2026-06-30", true)]   // the last day
    [InlineData("2026-03-31", "2026-04-01", "2026-06-30", false)]  // the day before
    [InlineData("2026-07-01", "2026-04-01", "2026-06-30", false)]  // the day after
    [InlineData("2026-05-15", "2026-05-01", "2026-05-31", true)]   // a month
    [InlineData("2026-05-15", "2026-01-01", "2026-12-31", true)]   // a year
    [InlineData("2025-12-31", "2026-01-01", "2026-12-31", false)]  // last year's
    [InlineData("2026-11-26", "2026-10-01", "2026-12-31", true)]   // posted today
    public void A_posting_counts_in_the_period_its_board_went_up(string postedOn, string from, string to, bool counted) =>
        Counted(Posting(DateOnly.Parse(postedOn)), DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(counted);

    [Fact]
    public void Every_state_is_decided_and_a_posting_counts_exactly_when_its_state_says_the_board_went_up()
    {
        Decisions.Keys.Order().ShouldBe(Enum.GetValues<BoardPostingState>());
        foreach (var (state, counts) in Decisions)
        {
            Counted(Posting(new DateOnly(2026, 5, 15), state), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).ShouldBe(counts, state.ToString());
            BoardPostingRules.CountedStates.Contains(state).ShouldBe(counts, state.ToString());
        }
    }

    [Fact]
    public void It_counts_on_the_day_it_went_up_not_the_day_it_was_recorded()
    {
        // Recorded on 2026-11-26 (Q4) for a board that went up on 2026-09-30 (Q3).
        var posting = Posting(new DateOnly(2026, 9, 30));

        Counted(posting, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)).ShouldBeTrue();
        Counted(posting, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-01-01", 1)]
    [InlineData("2026-03-31", 1)]
    [InlineData("2026-04-01", 2)]
    [InlineData("2026-06-30", 2)]
    [InlineData("2026-07-01", 3)]
    [InlineData("2026-09-30", 3)]
    [InlineData("2026-10-01", 4)]
    [InlineData("2026-12-31", 4)]
    public void The_quarter_is_the_bureau_calendars(string day, int quarter) =>
        BoardPostingRules.QuarterOf(DateOnly.Parse(day)).ShouldBe(quarter);
}
