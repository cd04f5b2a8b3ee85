using Xunit.Abstractions;

namespace PartyAffairs.Tests.Drills;

[Trait("Category", "Drill")]
public sealed class ConcurrencyDrillTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Concurrent_writers_on_the_same_records_get_one_winner_and_conflict_answers_and_no_database_error()
    {
        var figures = await ConcurrencyDrill.RunAsync(rounds: 3, writers: 6);
        log.WriteLine($"{figures.Calls} calls, {figures.Wins} conflicts resolved with one winner, {figures.Conflicts} losers told");
        figures.Conflicts.ShouldBeGreaterThan(0);
    }

    [Fact]
    [Trait("Category", "LongDrill")]
    public async Task Long_run_of_concurrent_writers()
    {
        var figures = await ConcurrencyDrill.RunAsync(rounds: 60, writers: 16);
        log.WriteLine($"{figures.Calls} calls, {figures.Wins} conflicts resolved with one winner, {figures.Conflicts} losers told");
        figures.Conflicts.ShouldBeGreaterThan(0);
    }
}
