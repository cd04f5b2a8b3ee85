using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

/// <summary>
/// The drafting page's state without the page: a fake store answers as the test says (and holds a save open when asked),
/// a fake browser copy records what it was told, and the test drives the timer by calling TickAsync.
/// </summary>
public sealed class DraftEditorStateTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(Now));
    private readonly FakeStore store = new();
    private readonly FakeCopy copy = new();
    private readonly DraftEditorState editor;

    public DraftEditorStateTests()
    {
        var clock = new BureauClock(time, Options.Create(new BureauOptions()));
        editor = new DraftEditorState(store, copy, clock);
    }

    public void Dispose() => editor.Dispose();

    private async Task LoadedAsync()
    {
        (await editor.LoadAsync(FakeStore.Id)).Succeeded.ShouldBeTrue();
        editor.CheckPassed.ShouldBeTrue();
    }

    [Fact]
    public async Task Typing_marks_the_draft_unsaved_and_the_next_tick_stores_exactly_what_was_typed()
    {
        await LoadedAsync();

        editor.SetTitle("换届选举结果公示");
        editor.SetBody("经支部党员大会选举，产生新一届支部委员会。");

        editor.Dirty.ShouldBeTrue();
        store.Saves.ShouldBeEmpty();
        await editor.TickAsync();

        store.Saves.Single().Request.Title.ShouldBe("换届选举结果公示");
        store.Saves.Single().Request.Body.ShouldBe("经支部党员大会选举，产生新一届支部委员会。");
        store.Saves.Single().ExpectedVersion.ShouldBe(1);
        editor.Dirty.ShouldBeFalse();
        editor.Version.ShouldBe(2);
        editor.SavedAtUtc.ShouldBe(store.SavedAt);
        copy.Calls.ShouldBe(["saved:换届选举结果公示|经支部党员大会选举，产生新一届支部委员会。"]);

        // Nothing changed since: the next tick sends nothing.
        await editor.TickAsync();
        store.Saves.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Text_typed_while_a_save_is_on_its_way_stays_unsaved_and_is_stored_by_the_next_tick()
    {
        await LoadedAsync();
        editor.SetBody("第一句。");
        var held = store.HoldNextSave();

        var saving = editor.TickAsync();
        editor.Saving.ShouldBeTrue();
        editor.SetBody("第一句。第二句。");
        held.SetResult();
        await saving;

        editor.Dirty.ShouldBeTrue();
        editor.CheckPassed.ShouldBeFalse();
        editor.CheckPending.ShouldBeTrue();
        // The browser is told only what the server stored; its copy of the longer text stays.
        copy.Calls.ShouldBe(["saved:临时通知|第一句。"]);

        await editor.TickAsync();
        store.Saves.Select(s => s.Request.Body).ShouldBe(["第一句。", "第一句。第二句。"]);
        store.Saves[1].ExpectedVersion.ShouldBe(2);
        editor.Dirty.ShouldBeFalse();
        editor.CheckPassed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("a choice")]
    [InlineData("submit")]
    [InlineData("leaving")]
    public async Task A_save_asked_for_during_an_autosave_waits_for_it_and_goes_on_from_the_version_it_left(string asked)
    {
        await LoadedAsync();
        editor.SetBody("根据上级党委要求，现将有关事项公开如下。");
        var held = store.HoldNextSave();
        var autosave = editor.TickAsync();
        // The title's debounce arrives during the round trip, then the person asks for a save of their own.
        editor.SetTitle("临时公开事项");
        var second = asked switch
        {
            "a choice" => editor.SetChannelAsync(Channel.Meeting, true),
            "submit" => editor.SaveAllAsync(),
            _ => editor.SettleBeforeLeavingAsync(),
        };
        held.SetResult();
        await Task.WhenAll(autosave, second);

        store.Saves.Select(s => s.ExpectedVersion).ShouldBe([1, 2]);
        editor.Conflict.ShouldBeFalse();
        editor.Dirty.ShouldBeFalse();
        (store.Stored.Version, store.Stored.Title, store.Stored.Body).ShouldBe((3, "临时公开事项", "根据上级党委要求，现将有关事项公开如下。"));
    }

    [Fact]
    public async Task Of_two_saves_waiting_behind_an_autosave_the_second_finds_everything_stored_and_sends_nothing()
    {
        await LoadedAsync();
        editor.SetBody("第一句。");
        var held = store.HoldNextSave();
        var autosave = editor.TickAsync();
        editor.SetBody("第一句。第二句。");
        // Leaving the field and pressing Submit, both while the autosave is on its way.
        var blur = editor.SaveNowAsync();
        var submit = editor.SaveAllAsync();
        held.SetResult();

        await Task.WhenAll(autosave, blur, submit);

        store.Saves.Select(s => (s.ExpectedVersion, s.Request.Body)).ShouldBe([(1, "第一句。"), (2, "第一句。第二句。")]);
        editor.InStep.ShouldBeTrue();
        (await submit).ShouldBeTrue();
    }

    [Fact]
    public async Task A_conflict_stops_autosave_says_so_and_keeps_the_text_until_the_person_chooses()
    {
        await LoadedAsync();
        store.NextSave = Result.Fail(ResultStatus.Conflict, "已被他人修改");
        editor.SetBody("我的版本");

        await editor.TickAsync();

        editor.Conflict.ShouldBeTrue();
        editor.Dirty.ShouldBeTrue();
        editor.Body.ShouldBe("我的版本");
        editor.CheckPassed.ShouldBeFalse();
        editor.SetBody("我的版本，又改了一句");
        await editor.TickAsync();
        await editor.SaveNowAsync();
        store.Saves.Count.ShouldBe(1);
        (await editor.SettleBeforeLeavingAsync()).ShouldBeFalse();
        store.Saves.Count.ShouldBe(1);

        // Overwrite: this text goes over the version the other window stored.
        store.Stored = store.Stored with { Version = 5, Body = "他人的版本" };
        (await editor.OverwriteAsync()).Succeeded.ShouldBeTrue();

        store.Saves[^1].ExpectedVersion.ShouldBe(5);
        store.Saves[^1].Request.Body.ShouldBe("我的版本，又改了一句");
        editor.Conflict.ShouldBeFalse();
        editor.Dirty.ShouldBeFalse();
        editor.CheckPassed.ShouldBeTrue();
    }

    [Fact]
    public async Task After_a_conflict_loading_theirs_replaces_the_text_on_screen()
    {
        await LoadedAsync();
        store.NextSave = Result.Fail(ResultStatus.Conflict, "已被他人修改");
        editor.SetBody("我的版本");
        await editor.TickAsync();

        store.Stored = store.Stored with { Version = 5, Body = "他人的版本" };
        (await editor.LoadTheirsAsync()).Succeeded.ShouldBeTrue();

        editor.Body.ShouldBe("他人的版本");
        editor.Version.ShouldBe(5);
        editor.Conflict.ShouldBeFalse();
        editor.Dirty.ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_save_keeps_the_text_as_unsaved_so_leaving_asks_and_the_timer_does_not_resend_it_unchanged()
    {
        await LoadedAsync();
        store.NextSave = Result.Fail(ResultStatus.Invalid, "标题过长");
        editor.SetTitle(new string('长', 300));

        await editor.TickAsync();

        editor.SaveError.ShouldBe("标题过长");
        editor.Title.ShouldBe(new string('长', 300));
        editor.Dirty.ShouldBeTrue();
        editor.CheckPassed.ShouldBeFalse();
        copy.Calls.ShouldBeEmpty();
        await editor.TickAsync();
        store.Saves.Count.ShouldBe(1);

        // Leaving tries once more; refused again, the person is asked.
        store.NextSave = Result.Fail(ResultStatus.Invalid, "标题过长");
        (await editor.SettleBeforeLeavingAsync()).ShouldBeFalse();
        store.Saves.Count.ShouldBe(2);

        // A change is sent, and once stored everything is in step again.
        editor.SetTitle("换届选举结果公示");
        await editor.TickAsync();
        editor.SaveError.ShouldBeNull();
        editor.Dirty.ShouldBeFalse();
        (await editor.SettleBeforeLeavingAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_choice_is_stored_at_once_and_the_period_is_sent_in_utc()
    {
        await LoadedAsync();

        await editor.SetUntilDateAsync(new DateTime(2026, 12, 31));
        await editor.SetImportantAsync(true);
        await editor.SetChannelAsync(Channel.Meeting, true);

        store.Saves.Count.ShouldBe(3);
        var sent = store.Saves[^1].Request;
        // 2026-12-31 at the loaded 18:00 in Beijing is 10:00 UTC.
        sent.DisplayUntilUtc.ShouldBe(new DateTime(2026, 12, 31, 10, 0, 0, DateTimeKind.Utc));
        sent.Important.ShouldBeTrue();
        sent.Channels.ShouldBe(Channel.Board | Channel.Meeting);
        editor.Dirty.ShouldBeFalse();
    }

    [Fact]
    public async Task The_browsers_copy_of_later_unsaved_text_is_offered_and_restoring_it_stores_it()
    {
        await LoadedAsync();
        var kept = Backup("换届选举结果公示", "断线前写下的正文", store.Stored.LastSavedAtUtc.AddMinutes(1));

        await editor.ConsiderBrowserCopyAsync(kept);

        editor.Offered.ShouldBe(kept);
        copy.Calls.ShouldBeEmpty();
        await editor.RestoreBrowserCopyAsync();

        editor.Offered.ShouldBeNull();
        editor.Body.ShouldBe("断线前写下的正文");
        store.Saves.Single().Request.Body.ShouldBe("断线前写下的正文");
        copy.Calls.ShouldBe(["saved:换届选举结果公示|断线前写下的正文"]);
        editor.Dirty.ShouldBeFalse();
    }

    [Fact]
    public async Task Discarding_the_offered_copy_keeps_the_stored_text_and_clears_the_copy()
    {
        await LoadedAsync();
        await editor.ConsiderBrowserCopyAsync(Backup("", "断线前写下的正文", store.Stored.LastSavedAtUtc.AddMinutes(1)));

        await editor.DiscardBrowserCopyAsync();

        editor.Offered.ShouldBeNull();
        editor.Body.ShouldBe(store.Stored.Body);
        editor.Dirty.ShouldBeFalse();
        copy.Calls.ShouldBe(["discard"]);
        store.Saves.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_copy_older_than_the_last_save_or_equal_to_the_stored_text_is_not_offered_but_cleared()
    {
        await LoadedAsync();

        await editor.ConsiderBrowserCopyAsync(Backup("", "更早的正文", store.Stored.LastSavedAtUtc.AddMinutes(-1)));
        await editor.ConsiderBrowserCopyAsync(Backup(store.Stored.Title + " ", store.Stored.Body, store.Stored.LastSavedAtUtc.AddMinutes(1)));
        await editor.ConsiderBrowserCopyAsync(null);

        editor.Offered.ShouldBeNull();
        copy.Calls.ShouldBe(["discard", "discard"]);
    }

    [Fact]
    public async Task A_draft_the_person_may_not_edit_offers_nothing_and_never_saves()
    {
        store.Stored = store.Stored with { CanEdit = false };
        (await editor.LoadAsync(FakeStore.Id)).Succeeded.ShouldBeTrue();

        await editor.ConsiderBrowserCopyAsync(Backup("", "断线前写下的正文", Now));
        editor.SetBody("改不了");
        await editor.TickAsync();

        editor.Offered.ShouldBeNull();
        store.Saves.ShouldBeEmpty();
        store.Checks.ShouldBe(0);
        (await editor.SettleBeforeLeavingAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_check_panel_waits_while_anything_is_unsaved_and_passes_only_for_what_is_stored()
    {
        store.Check = Check(problems: ["公开结束时间须晚于开始时间。"]);
        await editor.LoadAsync(FakeStore.Id);
        editor.CheckPassed.ShouldBeFalse();
        editor.CheckPending.ShouldBeFalse();
        editor.HasProblem("P0").ShouldBeTrue();
        editor.ProblemText("P0").ShouldBe("公开结束时间须晚于开始时间。");

        // The person fixes the period; until it is stored the old answer is not repeated as current, nor 检查通过 claimed.
        store.Check = Check();
        await editor.SetUntilDateAsync(null);
        editor.CheckPassed.ShouldBeTrue();
        editor.SetBody("还在写");
        editor.CheckPassed.ShouldBeFalse();
        editor.CheckPending.ShouldBeTrue();
        (await editor.SaveAllAsync()).ShouldBeTrue();
        editor.CheckPassed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_tick_with_nothing_unsaved_rechecks_once_the_clock_passes_the_recheck_time()
    {
        store.Check = Check(recheckAt: Now.AddMinutes(5));
        await LoadedAsync();
        var checks = store.Checks;
        var changed = 0;
        editor.Changed += () => changed++;

        await editor.TickAsync();
        store.Checks.ShouldBe(checks);

        store.Check = Check(problems: ["公开开始时间已过。"]);
        time.Advance(TimeSpan.FromMinutes(5));
        await editor.TickAsync();

        store.Checks.ShouldBe(checks + 1);
        editor.CheckPassed.ShouldBeFalse();
        changed.ShouldBe(1);
    }

    [Fact]
    public async Task Sensitive_words_are_cut_out_of_the_sentences_that_hold_them()
    {
        store.Check = Check(hits: ["机密"]);
        await editor.LoadAsync(FakeStore.Id);
        editor.SetTitle("通知");
        editor.SetBody("第一句无事。第二句含机密文件！");

        var sentences = editor.SentencesWithHits().ToList();

        sentences.Single().ShouldBe(new List<(string, bool)> { ("第二句含", false), ("机密", true), ("文件", false) });
    }

    private static DraftBackup Backup(string title, string body, DateTime atUtc) =>
        new(title, body, new DateTimeOffset(atUtc).ToUnixTimeMilliseconds());

    private static DraftCheck Check(string[]? problems = null, string[]? hits = null, DateTime? recheckAt = null) =>
        new((problems ?? []).Select((_, i) => $"P{i}").ToList(), problems ?? [], hits ?? [], hits ?? [], hits is null ? null : "含敏感词", recheckAt);

    private sealed class FakeStore : IDraftStore
    {
        public const int Id = 7;

        private TaskCompletionSource? hold;

        public DraftView Stored { get; set; } = new(Id, 1, "第一党支部", Category.Other, DisclosureState.Draft, null, null, "上级临时要求", null,
            "临时通知", "本周五召开支部党员大会。", Channel.Board, Audience.Organization,
            new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc), false,
            Now.AddMinutes(-10), CanEdit: true, CanOverride: false, [], null);

        public DateTime SavedAt { get; } = Now.AddSeconds(3);

        public DraftCheck Check { get; set; } = DraftEditorStateTests.Check();

        public Result? NextSave { get; set; }

        public List<(int ExpectedVersion, DraftRequest Request)> Saves { get; } = [];

        public int Checks { get; private set; }

        public TaskCompletionSource HoldNextSave() => hold = new TaskCompletionSource();

        public Task<Result<DraftView>> GetAsync(int id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Result<DraftView>.Ok(Stored));

        public async Task<Result<DraftSaved>> SaveAsync(int id, int expectedVersion, DraftRequest request, CancellationToken cancellationToken = default)
        {
            Saves.Add((expectedVersion, request));
            if (hold is { } held)
            {
                hold = null;
                await held.Task;
            }
            if (NextSave is { } failure)
            {
                NextSave = null;
                return Result<DraftSaved>.From(failure);
            }
            // As DraftService: a save over any version but the stored one is refused as a conflict.
            if (expectedVersion != Stored.Version) return Result<DraftSaved>.From(Result.Fail(ResultStatus.Conflict, "已被他人修改"));
            Stored = Stored with { Version = expectedVersion + 1, Title = request.Title, Body = request.Body };
            return Result<DraftSaved>.Ok(new DraftSaved(Stored.Version, SavedAt));
        }

        public Task<Result<DraftCheck>> CheckAsync(int id, CancellationToken cancellationToken = default)
        {
            Checks++;
            return Task.FromResult(Result<DraftCheck>.Ok(Check));
        }
    }

    private sealed class FakeCopy : IDraftCopy
    {
        public List<string> Calls { get; } = [];

        public Task SavedAsync(string title, string body)
        {
            Calls.Add($"saved:{title}|{body}");
            return Task.CompletedTask;
        }

        public Task DiscardAsync()
        {
            Calls.Add("discard");
            return Task.CompletedTask;
        }
    }
}
