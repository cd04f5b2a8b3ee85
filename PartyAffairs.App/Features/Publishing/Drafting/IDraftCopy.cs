namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// The copy of the unsaved title and body a browser keeps (<see cref="BrowserDraftCopy"/>). Both calls must not throw:
/// without the browser the editor still autosaves, only the safety net is missing.
/// </summary>
public interface IDraftCopy
{
    /// <summary>The server now holds this title and body: the copy goes if it holds exactly that.</summary>
    Task SavedAsync(string title, string body);

    Task DiscardAsync();
}
