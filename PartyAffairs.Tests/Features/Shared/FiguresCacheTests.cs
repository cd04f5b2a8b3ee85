using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Features.Shared;

/// <summary>When kept figures are used and when they are read again (<see cref="FiguresCache"/>).</summary>
public sealed class FiguresCacheTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
    private readonly LiveEventStream events = new(NullLogger<LiveEventStream>.Instance);
    private readonly FiguresCache cache;
    private int reads;

    public FiguresCacheTests() => cache = new FiguresCache(new BureauClock(time, Options.Create(new BureauOptions())), events);

    public void Dispose() => cache.Dispose();

    private Task<int> ReadAsync(string key = "year") => cache.GetAsync(key, () => Task.FromResult(Interlocked.Increment(ref reads)));

    private void Changed() => events.Publish([new ChangeEvent("Disclosure", 1, null, WorkflowAction.Approve, null, null, "office", time.GetUtcNow().UtcDateTime, null)]);

    public static TheoryData<string, bool> Between => new()
    {
        // what happens between two readers of the same key → whether the second reads again
        { "nothing", false },
        { "half the max age", false },
        { "exactly the max age", false },
        { "a second past the max age", true },
        { "a committed change", true },
        { "another node's committed change", true },
        { "a reload (changes may have been missed)", true },
        { "another key read", false },
    };

    [Theory]
    [MemberData(nameof(Between))]
    public async Task Kept_figures_are_used_until_a_change_or_the_max_age(string between, bool readsAgain)
    {
        (await ReadAsync()).ShouldBe(1);
        switch (between)
        {
            case "half the max age": time.Advance(FiguresCache.MaxAge / 2); break;
            case "exactly the max age": time.Advance(FiguresCache.MaxAge); break;
            case "a second past the max age": time.Advance(FiguresCache.MaxAge + TimeSpan.FromSeconds(1)); break;
            case "a committed change": Changed(); break;
            case "another node's committed change":
                events.PublishFromElsewhere([new ChangeEvent("Disclosure", 2, null, WorkflowAction.Publish, null, null, "office", time.GetUtcNow().UtcDateTime, null)]);
                break;
            case "a reload (changes may have been missed)": events.PublishFromElsewhere([ChangeEvent.AnythingMayHaveChanged(time.GetUtcNow().UtcDateTime)]); break;
            case "another key read": (await ReadAsync("quarter")).ShouldBe(2); break;
        }
        var before = reads;

        (await ReadAsync()).ShouldBe(readsAgain ? before + 1 : 1);
        reads.ShouldBe(readsAgain ? before + 1 : before);
    }

    [Fact]
    public async Task Readers_of_a_key_being_read_share_the_one_read()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = cache.GetAsync("year", () => { Interlocked.Increment(ref reads); return release.Task; });
        var second = cache.GetAsync("year", () => { Interlocked.Increment(ref reads); return Task.FromResult(-1); });

        release.SetResult(7);

        (await first).ShouldBe(7);
        (await second).ShouldBe(7);
        reads.ShouldBe(1);
    }

    [Fact]
    public async Task A_change_during_a_read_makes_its_result_stale_for_the_next_reader()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var during = cache.GetAsync("year", () => release.Task);
        Changed();
        release.SetResult(7);
        (await during).ShouldBe(7);

        (await ReadAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => cache.GetAsync<int>("year", () => throw new InvalidOperationException("busy")));

        (await ReadAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_reader_that_gives_up_does_not_cancel_the_shared_read()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var giveUp = new CancellationTokenSource();
        var impatient = cache.GetAsync("year", () => { Interlocked.Increment(ref reads); return release.Task; }, giveUp.Token);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => impatient);

        var patient = ReadAsync();
        release.SetResult(7);

        (await patient).ShouldBe(7);
        reads.ShouldBe(1);
    }
}
