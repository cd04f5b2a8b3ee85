using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// The browser's own copy of a draft's title and body (DraftPage.razor.js): every keystroke is kept in localStorage until
/// the server holds that text, and closing the tab with unsaved text asks first. A browser that went away costs only the
/// copy, never the circuit.
/// </summary>
public sealed class BrowserDraftCopy(IJSRuntime js) : IDraftCopy, IAsyncDisposable
{
    private IJSObjectReference? module;
    private string? key;

    /// <summary>Starts copying the fields under <paramref name="root"/> and returns what an earlier visit kept, if anything.</summary>
    public async Task<DraftBackup?> AttachAsync(ElementReference root, int draftId)
    {
        key = $"partyaffairs.draft.{draftId}";
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", "./Features/Publishing/Drafting/DraftPage.razor.js");
            await module.InvokeVoidAsync("attach", root, key);
            return await module.InvokeAsync<DraftBackup?>("stored", key);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Without the browser's copy the page still autosaves; only the safety net is missing.
            return null;
        }
    }

    public Task SavedAsync(string title, string body) => CallAsync("saved", key, title, body);

    public Task DiscardAsync() => CallAsync("discard", key);

    private async Task CallAsync(string identifier, params object?[] args)
    {
        if (module is null || key is null) return;
        try
        {
            await module.InvokeVoidAsync(identifier, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The browser went away; its copy stays for the next visit.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is null) return;
        await CallAsync("detach", key);
        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is already gone; nothing to release.
        }
    }
}
