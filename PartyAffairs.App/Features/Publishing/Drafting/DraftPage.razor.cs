using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>Rendering glue: what the draft holds and whether it is saved is <see cref="DraftEditorState"/>'s.</summary>
public sealed partial class DraftPage
{
    /// <summary>How much typing a closed tab, a lost connection or a server restart can cost at most.</summary>
    public static readonly TimeSpan AutosaveInterval = TimeSpan.FromSeconds(3);

    /// <summary>What a typed date and time look like: unambiguous in either language.</summary>
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm";

    private static readonly Channel[] ChannelChoices = [Channel.Board, Channel.Meeting, Channel.Document, Channel.Media];

    [Parameter] public int? Id { get; set; }

    /// <summary>"起草" on My work and in reminders opens the page with that occurrence chosen.</summary>
    [SupplyParameterFromQuery(Name = "occurrence")] public int? RequestedOccurrence { get; set; }

    private readonly CancellationTokenSource stopping = new();
    private Task? autosaveLoop;
    private BrowserDraftCopy copy = default!;
    private DraftEditorState editor = default!;
    private ElementReference editorRoot;
    private int? attachedTo;

    private NewDraftChoices? choices;
    private OpenOccurrenceOption? occurrence;
    private int? organizationId;
    private Category? category;
    private string reason = "";
    private string overrideReason = "";

    private bool loading;
    private bool busy;
    private string? next;
    private (Severity Severity, string Text)? notice;
    private RichBodyEditor? bodyEditor;

    private string SaveStateText =>
        editor.Saving ? D["Draft.Saving"]
        : editor.SaveError is not null ? D["Draft.SaveFailed", editor.SaveError]
        : editor.Dirty ? D["Draft.Unsaved"]
        : editor.SavedAtUtc is { } at ? D["Draft.Saved", Clock.ToLocal(at).ToString("HH:mm:ss")]
        : "";

    protected override void OnInitialized()
    {
        copy = new BrowserDraftCopy(JS);
        editor = new DraftEditorState(new DraftServiceStore(Drafts), copy, Clock);
        editor.Changed += Refresh;
    }

    private void Refresh() => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        // Starting a draft navigates from /disclosures/new to its editor, and Blazor keeps this same component for the
        // new route: the command that navigated left it busy (against double clicks), which must not disable the editor.
        busy = false;
        if (Id is null)
        {
            var result = await Drafts.ChoicesAsync();
            choices = result.Value;
            if (!result.Succeeded) notice = (Severity.Error, result.Message ?? "");
            organizationId ??= choices?.ActingOrganizationId ?? choices?.Organizations.Single;
            if (occurrence is null && RequestedOccurrence is { } requested)
                occurrence = (await Drafts.FindOpenOccurrencesAsync(null, 1, requested)).Value?.FirstOrDefault();
        }
        else
        {
            if (await editor.LoadAsync(Id.Value) is { Succeeded: false } failed) notice = (Severity.Error, failed.Message ?? "");
            autosaveLoop ??= AutosaveLoopAsync(stopping.Token);
        }
        loading = false;
    }

    // The browser keeps its own copy of the title and body, read back here once the page is live.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (editor.View is not { CanEdit: true } shown || attachedTo == shown.Id) return;
        attachedTo = shown.Id;
        await editor.ConsiderBrowserCopyAsync(await copy.AttachAsync(editorRoot, shown.Id));
        if (editor.Offered is not null) StateHasChanged();
    }

    // Leaving inside the app: what is unsaved is saved first; if that fails, the person decides.
    private async Task BeforeLeavingAsync(LocationChangingContext context)
    {
        if (bodyEditor is not null) await bodyEditor.FlushAsync();
        if (await editor.SettleBeforeLeavingAsync()) return;
        if (!await JS.InvokeAsync<bool>("confirm", D["Draft.LeaveUnsaved"].Value)) context.PreventNavigation();
    }

    // Every few seconds, whatever changed since the last save is stored; the loop ends with the page.
    private async Task AutosaveLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(AutosaveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) await InvokeAsync(editor.TickAsync);
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private Task StartFromOccurrenceAsync() => OccurrenceId is { } chosen
        ? RunAsync(async () => GoToEditor(await Drafts.StartAsync(chosen)))
        : Task.CompletedTask;

    private Task StartOutOfCatalogueAsync() => organizationId is { } organization && category is { } chosen
        ? RunAsync(async () => GoToEditor(await Drafts.StartOutOfCatalogueAsync(organization, chosen, reason)))
        : Task.CompletedTask;

    private Result GoToEditor(Result<int> started)
    {
        if (started.Succeeded) next = $"/disclosures/{started.Value}/edit";
        return started;
    }

    // Nothing is told when the text could not be stored first: the save state and the conflict warning say why.
    private Task SubmitAsync() => RunAsync(async () =>
    {
        if (bodyEditor is not null) await bodyEditor.FlushAsync();
        if (!await editor.SaveAllAsync()) return Result.Ok();
        var result = await Reviews.SubmitAsync(editor.View!.Id, editor.Version);
        if (result.Succeeded) next = $"/disclosures/{editor.View.Id}";
        else await editor.RefreshCheckAsync();
        return result;
    });

    private Task OverrideAsync() => RunAsync(async () =>
    {
        if (bodyEditor is not null) await bodyEditor.FlushAsync();
        await editor.SaveAllAsync();
        var result = await Drafts.OverrideSensitiveWordsAsync(editor.View!.Id, editor.Version, overrideReason);
        if (!result.Succeeded) return result;
        overrideReason = "";
        await editor.TakeReviewerPartAsync();
        return result;
    }, D["Draft.OverrideDone"]);

    // The page's one command runner (busy, the outcome as the notice, where to go on success), to be swapped for the shared one.
    private async Task RunAsync(Func<Task<Result>> command, string? done = null)
    {
        if (busy) return;
        busy = true;
        next = null;
        var result = await command();
        if (result.Succeeded && next is { } url)
        {
            // Stays busy while the browser leaves: a double click must not send the command twice.
            Navigation.NavigateTo(url);
            return;
        }
        if (!result.Succeeded) notice = (Severity.Error, result.Message ?? "");
        else if (done is not null) notice = (Severity.Success, done);
        busy = false;
    }

    /// <summary>
    /// A pasted or dropped image becomes an attachment of the draft (checked by content, size-limited and hashed like any
    /// upload) and is shown from its download URL, <c>/attachments/{id}</c>, which the stored body keeps as the item's own.
    /// </summary>
    private async Task<string?> UploadImageAsync(string fileName, string contentType, Stream content)
    {
        if (editor.View is not { CanEdit: true } view) return null;
        var name = Path.HasExtension(fileName) ? fileName : $"{fileName}.{contentType.Split('/').Last()}";
        var result = await editor.ChangeAttachmentsAsync(version => Attachments.UploadAsync(view.Id, version, name, content));
        if (!result.Succeeded)
        {
            notice = (Severity.Error, result.Message ?? "");
            StateHasChanged();
            return null;
        }
        var rows = await Attachments.ListAsync(view.Id);
        var stored = rows.Where(r => r.FileName == name).MaxBy(r => r.Id) ?? rows.MaxBy(r => r.Id);
        StateHasChanged();
        return stored is null ? null : $"/attachments/{stored.Id}";
    }

    /// <summary>A Word document goes in with the draft's current version, after any save under way, like a pasted image.</summary>
    private Task<Result<DocxImported>> ImportDocxAsync(string fileName, Stream content) =>
        editor.View is { CanEdit: true } view
            ? editor.ChangeAttachmentsAsync(version => DocxImports.ImportAsync(view.Id, version, fileName, content), imported => imported.Version)
            : Task.FromResult(Result<DocxImported>.From(Result.Fail(ResultStatus.Forbidden, D["Draft.NotEditable"])));

    /// <summary>
    /// The document's body goes after what is written (an empty body becomes the document): nothing typed is replaced, and
    /// what was not wanted is deleted in the editor like any text. Saved at once, as on leaving the editor.
    /// </summary>
    private async Task InsertImportedAsync(DocxImported imported)
    {
        if (bodyEditor is not null) await bodyEditor.FlushAsync();
        editor.SetBody(BodyHtml.TextLength(editor.Body) == 0 ? imported.Html : editor.Body + imported.Html);
        await editor.SaveNowAsync();
        StateHasChanged();
    }

    private int? OccurrenceId => occurrence?.Id;

    private string OccurrenceText(OpenOccurrenceOption? o) =>
        o is null ? "" : D["Draft.OccurrenceOption", o.OrganizationName, o.ItemTitle, Labels.Period(o.Label), o.DueDate.ToString("yyyy-MM-dd")];

    // One more than is shown, so the box can say that typing narrows it.
    private async Task<IEnumerable<OpenOccurrenceOption>> SearchOccurrencesAsync(string? text, CancellationToken cancellationToken) =>
        (await Drafts.FindOpenOccurrencesAsync(text, OrganizationSearch.MaxResults + 1, cancellationToken: cancellationToken)).Value ?? [];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (autosaveLoop is not null) await autosaveLoop;
        editor.Changed -= Refresh;
        await copy.DisposeAsync();
        editor.Dispose();
        stopping.Dispose();
    }
}
