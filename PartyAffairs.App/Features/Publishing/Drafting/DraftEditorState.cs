using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// What the drafting page knows about the draft on screen, without the page: the fields as typed, whether the server holds
/// them (dirty, saving, a failed save, a conflict with another window), the last check, and the browser's copy of unsaved
/// text offered back. The page binds to it and drives <see cref="TickAsync"/> from its timer; tests drive it directly.
/// The body is a plain string, whatever edits it.
/// </summary>
public sealed class DraftEditorState(IDraftStore store, IDraftCopy copy, BureauClock clock) : IDisposable
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '\n', '；', ';'];

    private readonly SemaphoreSlim saveLock = new(1, 1);

    // The request a save refused: the timer does not send it again unchanged (a blur, leaving or submitting still does).
    private DraftRequest? refused;

    /// <summary>Raised when something shown changed outside a handler the page awaits (a save starting or ending, a recheck).</summary>
    public event Action? Changed;

    public DraftView? View { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public Channel Channels { get; private set; }
    public Audience Audience { get; private set; }
    public bool Important { get; private set; }
    public DateTime? FromDate { get; private set; }
    public TimeSpan? FromTime { get; private set; }
    public DateTime? UntilDate { get; private set; }
    public TimeSpan? UntilTime { get; private set; }
    public DraftCheck? Check { get; private set; }

    /// <summary>Something on screen is not yet stored.</summary>
    public bool Dirty { get; private set; }
    public bool Saving { get; private set; }
    /// <summary>Another window saved first: autosave stops until the person loads theirs or overwrites it.</summary>
    public bool Conflict { get; private set; }
    public string? SaveError { get; private set; }
    public DateTime? SavedAtUtc { get; private set; }

    /// <summary>The browser's copy of text typed after the last save, offered back (恢复/丢弃).</summary>
    public DraftBackup? Offered { get; private set; }

    public bool CanEdit => View is { CanEdit: true };

    /// <summary>The server holds what is on screen, so the last check is the one submission would run.</summary>
    public bool InStep => !Dirty && !Saving && !Conflict && SaveError is null;

    /// <summary>The check panel says the checks wait for a save instead of showing an answer about older text.</summary>
    public bool CheckPending => Check is not null && !InStep;

    /// <summary>检查通过: only for the text submission would take.</summary>
    public bool CheckPassed => Check is { CanSubmit: true } && InStep;

    public bool HasProblem(string problemCode) => Check?.ProblemCodes.Contains(problemCode) == true;

    public string? ProblemText(string problemCode) =>
        Check is { } c && c.ProblemCodes.ToList().IndexOf(problemCode) is var at and >= 0 ? c.Problems[at] : null;

    public async Task<Result> LoadAsync(int id)
    {
        var result = await store.GetAsync(id);
        if (!result.Succeeded || result.Value is not { } loaded) return result;
        View = loaded;
        Version = loaded.Version;
        Title = loaded.Title;
        Body = loaded.Body;
        Channels = loaded.Channels;
        Audience = loaded.Audience;
        Important = loaded.Important;
        (FromDate, FromTime) = Split(loaded.DisplayFromUtc);
        (UntilDate, UntilTime) = Split(loaded.DisplayUntilUtc);
        SavedAtUtc = loaded.LastSavedAtUtc;
        Dirty = false;
        Conflict = false;
        SaveError = null;
        refused = null;
        if (loaded.CanEdit) await RefreshCheckAsync();
        return result;
    }

    // Typing only marks the text unsaved: the timer, leaving the field or leaving the page stores it.
    public void SetTitle(string? value)
    {
        Title = value ?? "";
        Dirty = true;
    }

    public void SetBody(string? value)
    {
        Body = value ?? "";
        Dirty = true;
    }

    // A choice is one deliberate change: stored at once.
    public Task SetChannelAsync(Channel channel, bool on) => ChangeAsync(() => Channels = on ? Channels | channel : Channels & ~channel);

    public Task SetAudienceAsync(Audience value) => ChangeAsync(() => Audience = value);

    public Task SetImportantAsync(bool value) => ChangeAsync(() => Important = value);

    public Task SetFromDateAsync(DateTime? value) => ChangeAsync(() => FromDate = value);

    public Task SetFromTimeAsync(TimeSpan? value) => ChangeAsync(() => FromTime = value);

    public Task SetUntilDateAsync(DateTime? value) => ChangeAsync(() => UntilDate = value);

    public Task SetUntilTimeAsync(TimeSpan? value) => ChangeAsync(() => UntilTime = value);

    private Task ChangeAsync(Action change)
    {
        change();
        Dirty = true;
        return SaveNowAsync();
    }

    /// <summary>An upload or removal of an attachment bumped the draft's version; autosave goes on from the new one.</summary>
    public void AttachmentsChanged(int version) => Version = version;

    /// <summary>
    /// An attachment change made from inside the body (a pasted image): it waits for a save under way and runs with the
    /// version that save left, so the two never refuse each other as a conflict.
    /// </summary>
    public Task<Result<int>> ChangeAttachmentsAsync(Func<int, Task<Result<int>>> change) => ChangeAttachmentsAsync(change, version => version);

    /// <summary>The same, for a change that reports more than the new version (a Word import: its body and the version).</summary>
    public async Task<Result<T>> ChangeAttachmentsAsync<T>(Func<int, Task<Result<T>>> change, Func<T, int> versionAfter)
    {
        await saveLock.WaitAsync();
        try
        {
            var result = await change(Version);
            if (result.Succeeded) Version = versionAfter(result.Value!);
            return result;
        }
        finally
        {
            saveLock.Release();
        }
    }

    public Task SaveNowAsync() => Dirty && !Conflict ? SaveAsync() : Task.CompletedTask;

    /// <summary>What the page's timer calls every few seconds: store what changed, or recheck when the clock alone changes the answer.</summary>
    public async Task TickAsync()
    {
        if (Dirty && !Conflict)
        {
            if (refused is null || refused != Request()) await SaveAsync();
        }
        else if (Check?.RecheckAtUtc is { } at && clock.UtcNow >= at)
        {
            // A start that was fine when checked has just fallen into the past: say so before the person submits.
            await RefreshCheckAsync();
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// Stores what is on screen over <paramref name="over"/>, or else over the version the last save left. That version is
    /// read once a save under way has finished: read before, it is the one that save replaced, and the page's own two saves
    /// refused each other as a conflict with another window (a choice ticked, or Submit pressed, during an autosave).
    /// </summary>
    private async Task SaveAsync(int? over = null)
    {
        if (View is not { CanEdit: true } view) return;
        await saveLock.WaitAsync();
        try
        {
            // The save this one waited for may have stored everything, or met a conflict: then there is nothing to send.
            if (over is null && (!Dirty || Conflict)) return;
            var expectedVersion = over ?? Version;
            Saving = true;
            // Cleared before the call so that typing during the round trip is saved next time.
            Dirty = false;
            Changed?.Invoke();
            var request = Request();
            var result = await store.SaveAsync(view.Id, expectedVersion, request);
            if (result.Succeeded && result.Value is { } saved)
            {
                Version = saved.Version;
                SavedAtUtc = saved.SavedAtUtc;
                SaveError = null;
                refused = null;
                await copy.SavedAsync(request.Title, request.Body);
                await RefreshCheckAsync();
            }
            else if (result.Status == ResultStatus.Conflict)
            {
                Conflict = true;
                Dirty = true;
            }
            else
            {
                // The text stays on screen and in the browser's copy, and counts as unsaved: leaving asks first.
                SaveError = result.Message;
                refused = request;
                Dirty = true;
            }
        }
        finally
        {
            Saving = false;
            saveLock.Release();
            Changed?.Invoke();
        }
    }

    /// <summary>Stores what is unsaved (waiting for a save already under way); true when the server then holds what is on screen.</summary>
    public async Task<bool> SaveAllAsync()
    {
        if (Dirty && !Conflict) await SaveAsync();
        else
        {
            await saveLock.WaitAsync();
            saveLock.Release();
        }
        return InStep;
    }

    /// <summary>Before leaving inside the app: true when nothing typed is lost, after trying to store it.</summary>
    public async Task<bool> SettleBeforeLeavingAsync()
    {
        if (!CanEdit || !Dirty) return true;
        if (!Conflict) await SaveAsync();
        return !Dirty && SaveError is null;
    }

    /// <summary>Whether the browser's copy is worth offering: it differs from the stored text and was typed after the last save.</summary>
    public async Task ConsiderBrowserCopyAsync(DraftBackup? kept)
    {
        if (kept is null || View is not { CanEdit: true } view) return;
        if (((kept.Title != Title && kept.Title.Trim() != Title) || kept.Body != Body) && kept.AtUtc > view.LastSavedAtUtc)
        {
            Offered = kept;
            return;
        }
        await copy.DiscardAsync();
    }

    public async Task RestoreBrowserCopyAsync()
    {
        if (Offered is not { } kept) return;
        Offered = null;
        Title = kept.Title;
        Body = kept.Body;
        Dirty = true;
        await SaveNowAsync();
    }

    public async Task DiscardBrowserCopyAsync()
    {
        Offered = null;
        await copy.DiscardAsync();
    }

    /// <summary>After a conflict: take the other window's text and drop this one's.</summary>
    public Task<Result> LoadTheirsAsync() => View is null ? Task.FromResult(Result.Ok()) : LoadAsync(View.Id);

    /// <summary>After a conflict: save this page's text over the version the other window stored.</summary>
    public async Task<Result> OverwriteAsync()
    {
        if (View is null) return Result.Ok();
        var current = await store.GetAsync(View.Id);
        if (current.Value is not { } fresh) return current;
        Conflict = false;
        Dirty = true;
        await SaveAsync(over: fresh.Version);
        return Result.Ok();
    }

    /// <summary>After a reviewer let sensitive words through: only the reviewer's part is taken over, the text on screen stays.</summary>
    public async Task TakeReviewerPartAsync()
    {
        if (View is null) return;
        var fresh = await store.GetAsync(View.Id);
        if (fresh.Value is { } reloaded)
        {
            View = reloaded;
            Version = reloaded.Version;
        }
        await RefreshCheckAsync();
    }

    public async Task RefreshCheckAsync()
    {
        if (View is null) return;
        var result = await store.CheckAsync(View.Id);
        Check = result.Value;
    }

    public DraftRequest Request() => new(Title, Body, Channels, Audience,
        Combine(FromDate, FromTime, View!.DisplayFromUtc), Combine(UntilDate, UntilTime, View.DisplayUntilUtc), Important);

    private DateTime Combine(DateTime? date, TimeSpan? time, DateTime fallbackUtc) =>
        date is { } day ? clock.ToUtc(day.Date + (time ?? TimeSpan.Zero)) : fallbackUtc;

    private (DateTime? Date, TimeSpan? Time) Split(DateTime utc)
    {
        var local = clock.ToLocal(utc);
        return (local.Date, new TimeSpan(local.Hour, local.Minute, 0));
    }

    /// <summary>The sentences of the title and body that contain a sensitive word, cut into plain and hit segments.</summary>
    public IEnumerable<List<(string Segment, bool Hit)>> SentencesWithHits()
    {
        var words = Check?.SensitiveHits ?? [];
        if (words.Count == 0) yield break;
        foreach (var sentence in $"{Title}\n{BodyHtml.ToPlainText(Body)}".Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var segments = new List<(string, bool)>();
            var position = 0;
            while (position < sentence.Length)
            {
                var (at, word) = words
                    .Select(w => (At: sentence.IndexOf(w, position, StringComparison.OrdinalIgnoreCase), Word: w))
                    .Where(x => x.At >= 0)
                    .OrderBy(x => x.At).ThenByDescending(x => x.Word.Length)
                    .FirstOrDefault((-1, ""));
                if (at < 0)
                {
                    segments.Add((sentence[position..], false));
                    break;
                }
                if (at > position) segments.Add((sentence[position..at], false));
                segments.Add((sentence.Substring(at, word.Length), true));
                position = at + word.Length;
            }
            if (segments.Any(s => s.Item2)) yield return segments;
        }
    }

    public void Dispose() => saveLock.Dispose();
}
