using Microsoft.AspNetCore.OutputCaching;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>
/// Evicts the cached board pages when something that shows on them changes: a disclosure published, closed,
/// withdrawn or revised, a feedback result disclosed or changed, or anything done to a catalogue (the public catalogue shows
/// its lines and what became of them: put in force, amended, a phase opened, an event recorded), or any change to the
/// leading group (the guide shows its current seats), or a reload (changes this node may have missed). Listens to the
/// committed transitions.
/// </summary>
public sealed class BoardCacheInvalidator(LiveEventStream events, IOutputCacheStore store, ILogger<BoardCacheInvalidator> logger) : IHostedService
{
    private static readonly HashSet<WorkflowAction> DisclosureActions =
        [WorkflowAction.Publish, WorkflowAction.Close, WorkflowAction.Withdraw, WorkflowAction.Revise];
    private static readonly HashSet<WorkflowAction> FeedbackActions = [WorkflowAction.Acknowledge, WorkflowAction.Close, WorkflowAction.MarkAbusive];
    private IDisposable? subscription;

    public static bool Affects(ChangeEvent e) =>
        e.IsReload
        || (e.EntityType == nameof(Disclosure) && DisclosureActions.Contains(e.Action))
        || (e.EntityType == nameof(Feedback) && FeedbackActions.Contains(e.Action))
        || e.EntityType is nameof(Catalogue) or nameof(CatalogueItem) or nameof(CatalogueAmendment) or nameof(LeadingGroupMember)
        || (e.EntityType == nameof(Disclosure) && e.Action == WorkflowAction.ReopenOccurrence);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe(async batch =>
        {
            if (!batch.Any(Affects)) return;
            await store.EvictByTagAsync(BoardCachePolicy.Tag, CancellationToken.None);
            logger.LogDebug("Board cache evicted after {Count} change(s)", batch.Count);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }
}
