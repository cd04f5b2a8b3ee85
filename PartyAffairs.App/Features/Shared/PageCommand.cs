using Microsoft.Extensions.Localization;
using MudBlazor;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Runs one command a person started from a page or dialog, the same way everywhere: busy while it runs (a second
/// click meanwhile is ignored), the outcome told once as a snackbar, and the page's data read again after a success
/// or a conflict, so the person sees what is stored. Transient: each component holds its own.
/// </summary>
public sealed class PageCommand(ISnackbar snackbar, IStringLocalizer<Strings> text)
{
    /// <summary>True while a command runs: bind buttons' <c>Disabled</c> to it.</summary>
    public bool Busy { get; private set; }

    /// <param name="done">Told on success; null when the success shows by itself (a dialog closing, a navigation).</param>
    /// <param name="reload">Reads the page's data again; runs after a success and after a conflict.</param>
    /// <returns>The service's result, or null when a command was already running and this one did not run.</returns>
    public Task<Result?> RunAsync(Func<Task<Result>> command, string? done, Func<Task>? reload = null) =>
        RunCoreAsync(command, done, reload);

    /// <inheritdoc cref="RunAsync(Func{Task{Result}}, string?, Func{Task}?)"/>
    public async Task<Result<T>?> RunAsync<T>(Func<Task<Result<T>>> command, string? done, Func<Task>? reload = null) =>
        await RunCoreAsync(command, done, reload) as Result<T>;

    private async Task<Result?> RunCoreAsync<TResult>(Func<Task<TResult>> command, string? done, Func<Task>? reload)
        where TResult : Result
    {
        if (Busy) return null;
        Busy = true;
        try
        {
            var result = await command();
            if (result.Succeeded || result.Status == ResultStatus.Conflict)
            {
                if (reload is not null) await reload();
            }
            Tell(result, done);
            return result;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Tells a result the page got another way (a dialog's, a navigation's) in the same words and colours.</summary>
    public void Tell(Result result, string? done)
    {
        if (result.Succeeded)
        {
            if (!string.IsNullOrEmpty(done)) snackbar.Add(done, Severity.Success);
        }
        else if (result.Status == ResultStatus.Conflict)
        {
            snackbar.Add(text["Command.ConflictReloaded"], Severity.Warning);
        }
        else
        {
            snackbar.Add(result.Message ?? text["Command.Refused"], Severity.Error);
        }
    }
}
