namespace PartyAffairs.Tests.Support;

public sealed class EventuallyTests
{
    [Fact]
    public async Task Looks_again_until_the_value_is_accepted_and_returns_it()
    {
        var looks = 0;
        var seen = await Eventually.ReturnsAsync(() => Task.FromResult(++looks), n => n >= 3, TimeSpan.FromSeconds(30), "the third look");
        seen.ShouldBe(3);
        looks.ShouldBe(3);
    }

    [Fact]
    public async Task Past_the_deadline_it_fails_with_the_message_and_what_it_last_saw()
    {
        var looks = 0;
        var failure = await Should.ThrowAsync<TimeoutException>(() =>
            Eventually.ReturnsAsync(() => Task.FromResult(new[] { "draft", $"look {++looks}" }), items => items.Length == 0, TimeSpan.FromMilliseconds(100),
                "the queue empties"));
        failure.Message.ShouldStartWith("the queue empties");
        failure.Message.ShouldContain($"last saw: [draft, look {looks}]");
    }

    [Fact]
    public async Task A_condition_that_stays_false_fails_with_its_message()
    {
        var failure = await Should.ThrowAsync<TimeoutException>(() => Eventually.TrueAsync(() => false, TimeSpan.FromMilliseconds(100), "the cache is evicted"));
        failure.Message.ShouldBe("the cache is evicted — not seen within 0.1 s; last saw: still false");
    }
}
