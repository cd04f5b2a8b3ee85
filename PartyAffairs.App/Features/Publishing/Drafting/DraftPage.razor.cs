using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

public sealed partial class DraftPage
{
    /// <summary>How much typing a closed tab, a lost connection or a server restart can cost at most.</summary>
    public static readonly TimeSpan AutosaveInterval = TimeSpan.FromSeconds(3);

    /// <summary>What a typed date and time look like: unambiguous in either language.</summary>
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm";

    private static readonly Channel[] ChannelChoices = [Channel.Board, Channel.Meeting, Channel.Document, Channel.Media];
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '\n', '；', ';'];

    [Parameter] public int? Id { get; set; }

    /// <summary>"起草" on My work and in reminders opens the page with that occurrence chosen.</summary>
    [SupplyParameterFromQuery(Name = "occurrence")] public int? RequestedOccurrence { get; set; }

    private readonly SemaphoreSlim saveLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? autosaveLoop;

    private NewDraftChoices? choices;
    private int? occurrenceId;
    private int? organizationId;
    private Category? category;
    private string reason = "";

    private DraftView? view;
    private int version;
    private string title = "";
    private string body = "";
    private Channel channels;
    private Audience audience;
    private bool important;
    private DateTime? fromDate;
    private TimeSpan? fromTime;
    private DateTime? untilDate;
    private TimeSpan? untilTime;
    private string previewHtml = "";
    private DraftCheck? check;
    private string overrideReason = "";

    private bool loading;
    private bool busy;
    private bool dirty;
    private bool saving;
    private bool conflict;
    private string? saveError;
    private DateTime? savedAtUtc;
    private (Severity Severity, string Text)? notice;

    private ElementReference editorRoot;
    private IJSObjectReference? backup;
    private int? backupAttachedTo;
    private DraftBackup? offered;

    /// <summary>The server holds what is on screen, so the last check is the one submission would run.</summary>
    private bool InStep => !dirty && !saving && !conflict && saveError is null;

    private string BackupKey => $"partyaffairs.draft.{view?.Id}";

    private bool Flags(string problemCode) => check?.ProblemCodes.Contains(problemCode) == true;

    private string? ProblemText(string problemCode) =>
        check is { } c && c.ProblemCodes.ToList().IndexOf(problemCode) is var at and >= 0 ? c.Problems[at] : null;

    private string SaveStateText =>
        saving ? D["Draft.Saving"]
        : saveError is not null ? D["Draft.SaveFailed", saveError]
        : dirty ? D["Draft.Unsaved"]
        : savedAtUtc is { } at ? D["Draft.Saved", Clock.ToLocal(at).ToString("HH:mm:ss")]
        : "";

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        if (Id is null)
        {
            var result = await Drafts.ChoicesAsync();
            choices = result.Value;
            if (!result.Succeeded) notice = (Severity.Error, result.Message ?? "");
            organizationId ??= choices?.Organizations.Count == 1 ? choices.Organizations[0].Id : null;
            occurrenceId ??= choices?.Occurrences.Any(o => o.Id == RequestedOccurrence) == true ? RequestedOccurrence : null;
        }
        else
        {
            await LoadDraftAsync(Id.Value);
            autosaveLoop ??= AutosaveLoopAsync(stopping.Token);
        }
        loading = false;
    }

    private async Task LoadDraftAsync(int id)
    {
        var result = await Drafts.GetAsync(id);
        if (!result.Succeeded || result.Value is not { } loaded)
        {
            notice = (Severity.Error, result.Message ?? "");
            return;
        }
        view = loaded;
        version = loaded.Version;
        title = loaded.Title;
        body = loaded.Body;
        channels = loaded.Channels;
        audience = loaded.Audience;
        important = loaded.Important;
        (fromDate, fromTime) = Split(loaded.DisplayFromUtc);
        (untilDate, untilTime) = Split(loaded.DisplayUntilUtc);
        previewHtml = Renderer.ToSafeHtml(body);
        savedAtUtc = loaded.LastSavedAtUtc;
        dirty = false;
        conflict = false;
        saveError = null;
        if (loaded.CanEdit) await RefreshCheckAsync();
    }

    // The browser keeps its own copy of the title and body (DraftPage.razor.js), read back here once the page is live.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (view is not { CanEdit: true } || backupAttachedTo == view.Id) return;
        backupAttachedTo = view.Id;
        try
        {
            backup ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Publishing/Drafting/DraftPage.razor.js");
            await backup.InvokeVoidAsync("attach", editorRoot, BackupKey);
            var kept = await backup.InvokeAsync<DraftBackup?>("stored", BackupKey);
            if (kept is null) return;
            // Offered back only if it differs from the server's text and was typed after the server's last save.
            if ((kept.Title != title && kept.Title.Trim() != title) || kept.Body != body)
            {
                if (kept.AtUtc > view.LastSavedAtUtc)
                {
                    offered = kept;
                    StateHasChanged();
                    return;
                }
            }
            await backup.InvokeVoidAsync("discard", BackupKey);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Without the browser's copy the page still autosaves; only the safety net is missing.
        }
    }

    private async Task RestoreBackupAsync()
    {
        if (offered is not { } kept) return;
        offered = null;
        title = kept.Title;
        body = kept.Body;
        previewHtml = Renderer.ToSafeHtml(body);
        dirty = true;
        await SaveNowAsync();
    }

    private async Task DiscardBackupAsync()
    {
        offered = null;
        await BackupCallAsync("discard", BackupKey);
    }

    private async Task BackupCallAsync(string identifier, params object?[] args)
    {
        if (backup is null) return;
        try
        {
            await backup.InvokeVoidAsync(identifier, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The browser went away; its copy stays for the next visit.
        }
    }

    // Leaving inside the app: what is unsaved is saved first; if that fails, the person decides.
    private async Task BeforeLeavingAsync(LocationChangingContext context)
    {
        if (view is not { CanEdit: true } || !dirty) return;
        if (!conflict) await SaveAsync(version);
        if (!dirty && saveError is null) return;
        var leave = await JS.InvokeAsync<bool>("confirm", D["Draft.LeaveUnsaved"].Value);
        if (!leave) context.PreventNavigation();
    }

    private async Task StartFromOccurrenceAsync()
    {
        if (busy || occurrenceId is not { } chosen) return;
        busy = true;
        Started(await Drafts.StartAsync(chosen));
    }

    private async Task StartOutOfCatalogueAsync()
    {
        if (busy || organizationId is not { } organization || category is not { } chosenCategory) return;
        busy = true;
        Started(await Drafts.StartOutOfCatalogueAsync(organization, chosenCategory, reason));
    }

    private void Started(Result<int> result)
    {
        busy = false;
        if (result.Succeeded) Navigation.NavigateTo($"/disclosures/{result.Value}/edit");
        else notice = (Severity.Error, result.Message ?? "");
    }

    private void TitleChanged(string value)
    {
        title = value ?? "";
        dirty = true;
    }

    private void BodyChanged(string value)
    {
        body = value ?? "";
        previewHtml = Renderer.ToSafeHtml(body);
        dirty = true;
    }

    private Task ChannelChanged(Channel channel, bool on)
    {
        channels = on ? channels | channel : channels & ~channel;
        dirty = true;
        return SaveNowAsync();
    }

    private Task AudienceChanged(Audience value)
    {
        audience = value;
        dirty = true;
        return SaveNowAsync();
    }

    private Task ImportantChanged(bool value)
    {
        important = value;
        dirty = true;
        return SaveNowAsync();
    }

    private Task PeriodChanged(Action set)
    {
        set();
        dirty = true;
        return SaveNowAsync();
    }

    private Task SaveNowAsync() => dirty && !conflict ? SaveAsync(version) : Task.CompletedTask;

    private async Task TickAsync()
    {
        if (dirty && !conflict) await SaveAsync(version);
        else if (check?.RecheckAtUtc is { } at && Clock.UtcNow >= at)
        {
            // A start that was fine when checked has just fallen into the past: say so before the person submits.
            await RefreshCheckAsync();
            StateHasChanged();
        }
    }

    // Every few seconds, whatever changed since the last save is stored; the loop ends with the page.
    private async Task AutosaveLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(AutosaveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(TickAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task SaveAsync(int expectedVersion)
    {
        if (view is not { CanEdit: true }) return;
        await saveLock.WaitAsync();
        try
        {
            saving = true;
            // Cleared before the call so that typing during the round trip is saved next time.
            dirty = false;
            StateHasChanged();
            var request = Request();
            var result = await Drafts.SaveAsync(view.Id, expectedVersion, request);
            if (result.Succeeded && result.Value is { } saved)
            {
                version = saved.Version;
                savedAtUtc = saved.SavedAtUtc;
                saveError = null;
                await BackupCallAsync("saved", BackupKey, request.Title, request.Body);
                await RefreshCheckAsync();
            }
            else if (result.Status == ResultStatus.Conflict)
            {
                conflict = true;
                dirty = true;
            }
            else
            {
                saveError = result.Message;
            }
        }
        finally
        {
            saving = false;
            saveLock.Release();
            StateHasChanged();
        }
    }

    private async Task LoadTheirsAsync()
    {
        if (view is null) return;
        busy = true;
        await LoadDraftAsync(view.Id);
        busy = false;
    }

    // Overwriting means saving this page's text over the version the other window stored.
    private async Task OverwriteAsync()
    {
        if (view is null) return;
        busy = true;
        var current = await Drafts.GetAsync(view.Id);
        if (current.Value is { } fresh)
        {
            conflict = false;
            dirty = true;
            await SaveAsync(fresh.Version);
        }
        else
        {
            notice = (Severity.Error, current.Message ?? "");
        }
        busy = false;
    }

    private async Task SubmitAsync()
    {
        if (busy || view is null) return;
        busy = true;
        if (dirty) await SaveAsync(version);
        if (!dirty && !conflict && saveError is null)
        {
            var result = await Reviews.SubmitAsync(view.Id, version);
            if (result.Succeeded)
            {
                Navigation.NavigateTo($"/disclosures/{view.Id}");
                return;
            }
            notice = (Severity.Error, result.Message ?? "");
            await RefreshCheckAsync();
        }
        busy = false;
    }

    private async Task OverrideAsync()
    {
        if (busy || view is null) return;
        busy = true;
        if (dirty) await SaveAsync(version);
        var result = await Drafts.OverrideSensitiveWordsAsync(view.Id, version, overrideReason);
        if (result.Succeeded)
        {
            overrideReason = "";
            notice = (Severity.Success, D["Draft.OverrideDone"]);
            var fresh = await Drafts.GetAsync(view.Id);
            if (fresh.Value is { } reloaded)
            {
                // Only the reviewer's part is taken over: the text on screen stays as the person left it.
                view = reloaded;
                version = reloaded.Version;
            }
            await RefreshCheckAsync();
        }
        else
        {
            notice = (Severity.Error, result.Message ?? "");
        }
        busy = false;
    }

    private async Task RefreshCheckAsync()
    {
        if (view is null) return;
        var result = await Drafts.CheckAsync(view.Id);
        check = result.Value;
    }

    private DraftRequest Request() => new(title, body, channels, audience,
        Combine(fromDate, fromTime, view!.DisplayFromUtc), Combine(untilDate, untilTime, view.DisplayUntilUtc), important);

    private DateTime Combine(DateTime? date, TimeSpan? time, DateTime fallbackUtc) =>
        date is { } day ? Clock.ToUtc(day.Date + (time ?? TimeSpan.Zero)) : fallbackUtc;

    private (DateTime? Date, TimeSpan? Time) Split(DateTime utc)
    {
        var local = Clock.ToLocal(utc);
        return (local.Date, new TimeSpan(local.Hour, local.Minute, 0));
    }

    private string OccurrenceText(int? id) =>
        choices?.Occurrences.FirstOrDefault(o => o.Id == id) is { } o
            ? D["Draft.OccurrenceOption", o.OrganizationName, o.ItemTitle, Labels.Period(o.Label), o.DueDate.ToString("yyyy-MM-dd")]
            : "";

    /// <summary>The sentences of the title and body that contain a sensitive word, cut into plain and hit segments (Razor encodes both).</summary>
    private IEnumerable<List<(string Segment, bool Hit)>> SentencesWithHits()
    {
        var words = check?.SensitiveHits ?? [];
        if (words.Count == 0) yield break;
        foreach (var sentence in $"{title}\n{body}".Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (autosaveLoop is not null) await autosaveLoop;
        if (backup is not null)
        {
            if (backupAttachedTo is not null) await BackupCallAsync("detach", BackupKey);
            try
            {
                await backup.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is already gone; nothing to release.
            }
        }
        stopping.Dispose();
        saveLock.Dispose();
    }
}
