using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Dashboard;

/// <summary>
/// Every open dashboard shows one shared view: read once per change for all of them (not once per circuit, which at a
/// thousand dashboards took seconds), pushed at once (no waiting period), and still refused to whoever may not see it.
/// </summary>
public sealed class DashboardFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Many_dashboards_share_one_read_and_a_change_reaches_all_of_them_with_one_more()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var feed = harness.Services.GetRequiredService<DashboardFeed>();
        await harness.SignInAsync("office");

        var first = await feed.GetAsync();
        (await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => feed.GetAsync()))).ShouldAllBe(v => ReferenceEquals(v, first));

        var latest = new DashboardView?[50];
        var watchers = Enumerable.Range(0, latest.Length).Select(i => feed.Watch(v =>
        {
            Volatile.Write(ref latest[i], v);
            return Task.CompletedTask;
        })).ToList();
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "临时通知", Audience.Public, DisclosureState.Submitted, bureau.Now, "secA");

        // Every dashboard ends up holding the very same view object, which names the new submission.
        await Eventually.TrueAsync(() =>
            latest.All(v => v is not null && ReferenceEquals(v, latest[0]))
            && latest[0]!.SubmittedDisclosures.Items.Any(d => d.Title == "临时通知"), Patience, "all 50 dashboards hold the one view naming the submission");
        foreach (var watcher in watchers) watcher.Dispose();
        feed.WatcherCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_change_that_leaves_the_view_as_it_was_is_not_pushed()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var feed = harness.Services.GetRequiredService<DashboardFeed>();
        var events = harness.Services.GetRequiredService<LiveEventStream>();
        await feed.GetAsync();
        var pushes = new List<DashboardView>();
        using var watching = feed.Watch(v =>
        {
            lock (pushes) pushes.Add(v);
            return Task.CompletedTask;
        });

        // Announced, but nothing the dashboard shows changed; one push goes out so the newcomer is in step, then no more.
        events.Publish([new ChangeEvent(nameof(Disclosure), 0, bureau.BranchAId, WorkflowAction.SensitiveWordsChanged, null, null, "secA", bureau.Now, null)]);
        await Eventually.TrueAsync(() => { lock (pushes) return pushes.Count == 1; }, Patience, "the newcomer is pushed one view");
        events.Publish([new ChangeEvent(nameof(Disclosure), 0, bureau.BranchAId, WorkflowAction.SensitiveWordsChanged, null, null, "secA", bureau.Now, null)]);
        await feed.GetAsync();
        await bureau.OutOfCatalogueAsync(bureau.BranchAId, "临时通知", Audience.Public, DisclosureState.Submitted, bureau.Now, "secA");

        await Eventually.TrueAsync(() => { lock (pushes) return pushes[^1].SubmittedDisclosures.Items.Any(d => d.Title == "临时通知"); }, Patience,
            "the dashboard is pushed the submission");
        // Each push after the first shows something the one before did not (the draft in the feed, then its submission).
        lock (pushes)
        {
            pushes.Zip(pushes.Skip(1)).Count(p => p.First with { LoadedAtUtc = p.Second.LoadedAtUtc } == p.Second).ShouldBe(0);
        }
    }

    [Fact]
    public async Task The_shared_view_is_still_refused_to_those_who_may_not_see_the_dashboard()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var service = harness.Get<DashboardService>(scope);
        (await service.GetAsync()).Succeeded.ShouldBeTrue();

        await harness.SignInAsync("drafterA");
        (await service.GetAsync()).Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task A_view_older_than_a_minute_is_read_again_since_due_dates_move_with_the_clock()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        var feed = harness.Services.GetRequiredService<DashboardFeed>();

        var first = await feed.GetAsync();
        (await feed.GetAsync()).ShouldBeSameAs(first);
        harness.Time.Advance(DashboardFeed.MaxAge);

        (await feed.GetAsync()).ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task A_dashboard_never_takes_an_older_view_after_a_newer_one()
    {
        var (first, second) = await TwoViewsAsync();
        var taken = new List<DashboardView>();
        var watcher = new DashboardFeed.Watcher(v =>
        {
            taken.Add(v);
            return Task.CompletedTask;
        }, NullLogger.Instance);

        // Two pushes' delivery slices ran out of order: the second push's view arrived first.
        await watcher.OfferAsync(second, 2);
        await watcher.OfferAsync(first, 1);

        taken.ShouldBe([second]);
    }

    [Fact]
    public async Task A_dashboard_still_rendering_gets_only_the_newest_view_next_and_one_at_a_time()
    {
        var (first, second) = await TwoViewsAsync();
        var third = second with { LoadedAtUtc = second.LoadedAtUtc.AddSeconds(1) };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var taken = new List<DashboardView>();
        var busy = 0;
        var overlapped = false;
        var watcher = new DashboardFeed.Watcher(async v =>
        {
            if (Interlocked.Increment(ref busy) > 1) overlapped = true;
            lock (taken) taken.Add(v);
            if (ReferenceEquals(v, first)) await release.Task;
            Interlocked.Decrement(ref busy);
        }, NullLogger.Instance);

        var delivering = watcher.OfferAsync(first, 1);
        // While the first renders, later views only replace what waits; the callers do not wait for the render.
        await watcher.OfferAsync(second, 2).WaitAsync(Patience);
        await watcher.OfferAsync(third, 3).WaitAsync(Patience);
        lock (taken) taken.ShouldBe([first]);
        release.SetResult();
        await delivering.WaitAsync(Patience);

        taken.ShouldBe([first, third]);
        overlapped.ShouldBeFalse();
    }

    private static async Task<(DashboardView First, DashboardView Second)> TwoViewsAsync()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await TestBureau.CreateAsync(harness);
        var first = await harness.Services.GetRequiredService<DashboardFeed>().GetAsync();
        return (first, first with { LoadedAtUtc = first.LoadedAtUtc.AddSeconds(1) });
    }

    [Fact]
    public async Task An_autosave_that_adds_or_removes_a_sensitive_word_updates_the_sensitive_words_card()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var feed = harness.Services.GetRequiredService<DashboardFeed>();
        await harness.SignInAsync("drafterA");
        int id, version;
        await using (var scope = harness.NewScope())
        {
            var drafts = harness.Get<DraftService>(scope);
            id = (await drafts.StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "上级临时要求")).Value;
            version = (await drafts.GetAsync(id)).Value!.Version;
        }
        (await feed.GetAsync()).SensitiveWordsWaiting.ShouldNotContain(r => r.Id == id);
        DashboardView? latest = null;
        using var watching = feed.Watch(v =>
        {
            Volatile.Write(ref latest, v);
            return Task.CompletedTask;
        });

        version = await AutosaveAsync(harness, id, version, "本通知附内部资料一份");
        await Eventually.TrueAsync(() => Volatile.Read(ref latest)?.SensitiveWordsWaiting.Any(r => r.Id == id && r.Words.SequenceEqual(["内部资料"])) == true,
            Patience, "the dashboard lists the draft with its sensitive word");

        await AutosaveAsync(harness, id, version, "本通知附公开资料一份");
        await Eventually.TrueAsync(() => Volatile.Read(ref latest) is { } v && v.SensitiveWordsWaiting.All(r => r.Id != id), Patience,
            "the cleaned draft leaves the dashboard's sensitive list");
    }

    private static async Task<int> AutosaveAsync(ServiceHarness harness, int id, int version, string body)
    {
        await using var scope = harness.NewScope();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var saved = await harness.Get<DraftService>(scope).SaveAsync(id, version,
            new DraftRequest("临时通知", body, Channel.Board, Audience.Organization, now.AddHours(1), now.AddDays(8), false));
        saved.Succeeded.ShouldBeTrue(saved.Message);
        return saved.Value!.Version;
    }
}
