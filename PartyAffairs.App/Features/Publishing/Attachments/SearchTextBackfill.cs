using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Configurations;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// Makes what was stored before search read attachments searchable: the files still <see cref="AttachmentTextState.Pending"/>
/// are read, and the disclosures without a body text get one. Both find nothing once done, so running again is harmless. It
/// runs in C# rather than in the migration because reading a PDF or rendering a body's text needs PdfPig, OpenXml and the
/// body parser, and the files live outside the database. It runs beside the app (<see cref="SearchTextBackfillWorker"/>),
/// not before it: at a city's 300,000 bodies it takes minutes, during which search simply finds fewer bodies.
/// Batched and walked by id (each batch committed in one transaction), so a stop part-way keeps what was read, the next
/// start goes on, and the work grows with the rows left rather than with their square.
/// </summary>
public sealed class SearchTextBackfill(IDbContextFactory<AppDbContext> dbFactory, IOptions<StorageOptions> storage,
    ILogger<SearchTextBackfill> logger)
{
    public const int AttachmentBatchSize = 50;
    public const int BodyBatchSize = 500;

    public async Task<(int Attachments, int Bodies)> RunAsync(CancellationToken cancellationToken)
    {
        var attachments = 0;
        for (var after = 0; ;)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Attachments.Where(a => a.TextState == AttachmentTextState.Pending && a.Id > after).OrderBy(a => a.Id)
                .Take(AttachmentBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var attachment in batch)
            {
                await AttachmentTextReader.ReadIntoAsync(attachment, Path.Combine(storage.Value.DataDirectory, attachment.StoredPath), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            attachments += batch.Count;
            after = batch[^1].Id;
        }

        var bodies = 0;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            for (var after = 0; ;)
            {
                // The partial index IX_Disclosures_BodyTextPending holds exactly these rows: once all are done this finds nothing at once.
                var batch = await db.Disclosures.AsNoTracking()
                    .Where(d => EF.Property<string?>(d, DisclosureConfiguration.BodyTextColumn) == null && d.Id > after).OrderBy(d => d.Id)
                    .Select(d => new { d.Id, d.Body }).Take(BodyBatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    foreach (var row in batch)
                    {
                        // Not a change anyone made: the row's Version and audit trail stay as they are. A row saved meanwhile already has
                        // the text of its new body (BodyTextInterceptor), which this older read must not overwrite.
                        var text = BodyTextInterceptor.Of(row.Body);
                        bodies += await db.Disclosures.Where(d => d.Id == row.Id && EF.Property<string?>(d, DisclosureConfiguration.BodyTextColumn) == null)
                            .ExecuteUpdateAsync(s => s.SetProperty(d => EF.Property<string?>(d, DisclosureConfiguration.BodyTextColumn), text), cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                }
                after = batch[^1].Id;
            }
        }

        if (attachments + bodies > 0) logger.LogInformation("Search backfill: read {Attachments} attachments, {Bodies} bodies", attachments, bodies);
        return (attachments, bodies);
    }
}
