using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive.Packages;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>Archiving for the signed-in person: the Office for the whole bureau, a Secretary for their own organization.</summary>
public sealed class ArchiveService(
    ArchiveWriter writer,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    BureauClock clock,
    ICurrentUser currentUser,
    Outcomes outcomes)
{
    /// <summary>Archives a closed disclosure whose feedback is all closed; returns its archive number (档号).</summary>
    public Task<Result<string>> ArchiveAsync(int disclosureId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            return await writer.ArchiveAsync(actor, disclosureId, cancellationToken);
        });

    /// <summary>The most rows one page of the year-end list may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// The closed disclosures not yet archived that this person may archive, oldest first, optionally of one year
    /// (the bureau's year of closing, as the archive number takes it) — the year-end list the bulk run works through, one page
    /// of it: a city closes tens of thousands of items a year.
    /// </summary>
    public Task<Result<ReadyListView>> ListReadyAsync(ReadyFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = await ReadyQueryAsync(db, filter.Year, cancellationToken);
            var total = await query.CountAsync(cancellationToken);
            var archivable = await query.Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback)).CountAsync(cancellationToken);
            var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
            var rows = await RowsAsync(db, query.OrderBy(d => d.ClosedAtUtc).ThenBy(d => d.Id).Skip(Math.Max(0, filter.Page) * size).Take(size),
                cancellationToken);
            return new ReadyListView(rows, total, archivable);
        });

    /// <summary>
    /// The next <paramref name="take"/> items the bulk run may archive now, in closing order after <paramref name="after"/> (the
    /// closing time and id of the last one it tried): the run walks the list a batch at a time and never holds all of it.
    /// </summary>
    public Task<Result<IReadOnlyList<ReadyRow>>> NextArchivableAsync(int? year, ReadyRow? after, int take, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<ReadyRow>>(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = (await ReadyQueryAsync(db, year, cancellationToken)).Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback));
            if (after is not null)
            {
                var (closed, id) = (after.ClosedAtUtc, after.Id);
                query = query.Where(d => d.ClosedAtUtc > closed || (d.ClosedAtUtc == closed && d.Id > id));
            }
            return await RowsAsync(db, query.OrderBy(d => d.ClosedAtUtc).ThenBy(d => d.Id).Take(Math.Clamp(take, 1, MaxPageSize)), cancellationToken);
        });

    /// <summary>Ready now, or ready once its feedback is closed: the archiving guard with that one condition set aside.</summary>
    private async Task<IQueryable<Disclosure>> ReadyQueryAsync(AppDbContext db, int? year, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Office, Roles.Secretary));
        var onlyOrganizations = actor.IsInRole(Roles.Office) ? null : actor.OrganizationsWhere(Roles.Secretary);
        var query = db.Disclosures.AsNoTracking()
            .Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback, ignoring: ArchiveRules.FeedbackOpen));
        if (onlyOrganizations is not null) query = query.Where(d => onlyOrganizations.Contains(d.OrganizationId));
        if (year is { } y)
        {
            var from = clock.StartOfDayUtc(new DateOnly(y, 1, 1));
            var until = clock.StartOfDayUtc(new DateOnly(y + 1, 1, 1));
            query = query.Where(d => d.ClosedAtUtc >= from && d.ClosedAtUtc < until);
        }
        return query;
    }

    private async Task<IReadOnlyList<ReadyRow>> RowsAsync(AppDbContext db, IQueryable<Disclosure> page, CancellationToken cancellationToken)
    {
        var rows = await page
            .Select(d => new { d.Id, d.Title, OrganizationName = d.Organization!.Name, ClosedAtUtc = d.ClosedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var open = await db.Feedback.Where(FeedbackRules.Open).Where(f => f.DisclosureId != null && ids.Contains(f.DisclosureId.Value))
            .GroupBy(f => f.DisclosureId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(r => new ReadyRow(r.Id, r.Title, r.OrganizationName, clock.ToLocal(r.ClosedAtUtc).Year, r.ClosedAtUtc,
            open.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>
    /// A record's package (BagIt-style zip): the frozen content holds feedback text, senders and contacts, so it goes only to
    /// those who read all of it (<see cref="AccessPolicy.ReadsArchivedFeedback"/>).
    /// </summary>
    public Task<Result<ArchivePackageFile>> PackageAsync(int recordId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.ArchiveRecords.AsNoTracking().Include(r => r.Files)
                .FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken) ?? throw new NotFoundException();
            var snapshot = ArchiveSnapshot.FromCanonicalJson(record.CanonicalJson);
            if (!AccessPolicy.ReadsArchivedFeedback(actor, record.OrganizationId, snapshot.Feedback.Select(f => f.ReportedToId)))
                throw new NotFoundException();
            using var buffer = new MemoryStream();
            await ArchivePackage.WriteAsync(record, storage.Value.ArchiveDirectory, clock.UtcNow, buffer, cancellationToken);
            return new ArchivePackageFile(ArchivePackage.FileName(record.ArchiveNumber), buffer.ToArray());
        });
}
