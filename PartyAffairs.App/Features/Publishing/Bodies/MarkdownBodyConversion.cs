using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Converts, once, the Markdown bodies written before the rich-text editor into clean HTML (<see cref="MarkdownBodies.ToHtml"/>)
/// and marks them <see cref="BodyFormat.Html"/>: the disclosures and every submitted version. Runs at startup right after the
/// migrations, in batches, each committed on its own; a row already converted is never touched again, so a second run, or a run
/// after a stop halfway, changes nothing that is done. The archive's frozen snapshots are not touched: their pages convert
/// Markdown for display (<c>ArchivedBody</c>). Not an edit: no version bump, no audit entry, no announcement.
/// </summary>
public sealed class MarkdownBodyConversion(IDbContextFactory<AppDbContext> dbFactory, ILogger<MarkdownBodyConversion> logger)
{
    public const int BatchSize = 200;

    /// <summary>The number of rows converted (disclosures and versions).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var converted = 0;
        while (true)
        {
            var rows = await db.Disclosures.AsNoTracking().Where(d => d.BodyFormat == BodyFormat.Markdown).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Body }).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                var html = MarkdownBodies.ToHtml(row.Body);
                converted += await db.Disclosures.Where(d => d.Id == row.Id && d.BodyFormat == BodyFormat.Markdown)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, html).SetProperty(d => d.BodyFormat, BodyFormat.Html), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        while (true)
        {
            var rows = await db.Set<DisclosureVersion>().AsNoTracking().Where(v => v.BodyFormat == BodyFormat.Markdown).OrderBy(v => v.Id)
                .Select(v => new { v.Id, v.Body }).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                var html = MarkdownBodies.ToHtml(row.Body);
                converted += await db.Set<DisclosureVersion>().Where(v => v.Id == row.Id && v.BodyFormat == BodyFormat.Markdown)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Body, html).SetProperty(v => v.BodyFormat, BodyFormat.Html), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (converted > 0) logger.LogInformation("Converted {Count} Markdown bodies to HTML", converted);
        return converted;
    }
}
