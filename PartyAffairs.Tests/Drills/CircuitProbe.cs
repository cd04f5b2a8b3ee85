using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Benchmarks.Circuits;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// Measures what another user feels: renames a disclosure shown on every dashboard, announces the change, and times how
/// long until a given dashboard's render batch carries the new title.
/// </summary>
public sealed class CircuitProbe(IServiceProvider services)
{
    private int round;

    /// <summary>Milliseconds from a change to its batch at <paramref name="client"/>, for <paramref name="samples"/> changes.</summary>
    public async Task<List<double>> LatencyAsync(CircuitClient client, int samples)
    {
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var view = await services.GetRequiredService<DashboardFeed>().GetAsync();
            var title = NextTitle();
            var seen = client.WatchForAsync(title);
            await RenameAsync(view.SubmittedDisclosures.Items[0].Id, title);
            var at = await seen.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
        }
        return latencies;
    }

    private string NextTitle() => $"探针{Interlocked.Increment(ref round)}-{Guid.NewGuid():N}"[..16];

    private async Task RenameAsync(int id, string title)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Disclosures.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Title, title));
        }
        services.GetRequiredService<LiveEventStream>().Publish(
            [new ChangeEvent(nameof(Disclosure), id, null, WorkflowAction.SensitiveWordsChanged, null, null, "drill", DateTime.UtcNow, null)]);
    }
}
