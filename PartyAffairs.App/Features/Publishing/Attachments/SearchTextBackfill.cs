using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Configurations;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Makes what was stored before search read attachments searchable, at every start after the migrations: the files still
/// <see cref="AttachmentTextState.Pending"/> are read, and the disclosures without a body text get one. Both find nothing
/// once done, so running again is harmless. It runs in C# rather than in the migration because reading a PDF or
/// rendering a body's text needs PdfPig, OpenXml and the body parser, and the files live outside the database.
/// Batched: each batch is saved on its own, so a stop part-way keeps what was read and the next start goes on.
/// </summary>
public sealed class SearchTextBackfill(IDbContextFactory<AppDbContext> dbFactory, IOptions<StorageOptions> storage,
    ILogger<SearchTextBackfill> logger)
{
    public const int BatchSize = 50;

    public async Task<(int Attachments, int Bodies)> RunAsync(CancellationToken cancellationToken)
    {
        var attachments = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Attachments.Where(a => a.TextState == AttachmentTextState.Pending).OrderBy(a => a.Id)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var attachment in batch)
            {
                await AttachmentTextReader.ReadIntoAsync(attachment, Path.Combine(storage.Value.DataDirectory, attachment.StoredPath), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            attachments += batch.Count;
        }

        var bodies = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Disclosures.Where(d => EF.Property<string?>(d, DisclosureConfiguration.BodyTextColumn) == null).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Body }).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var row in batch)
            {
                // Not a change anyone made: the row's Version and audit trail stay as they are.
                var text = BodyTextInterceptor.Of(row.Body);
                await db.Disclosures.Where(d => d.Id == row.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => EF.Property<string?>(d, DisclosureConfiguration.BodyTextColumn), text), cancellationToken);
            }
            bodies += batch.Count;
        }

        if (attachments + bodies > 0) logger.LogInformation("Search backfill: read {Attachments} attachments, {Bodies} bodies", attachments, bodies);
        return (attachments, bodies);
    }
}
