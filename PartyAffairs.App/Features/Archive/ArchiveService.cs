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

    /// <summary>
    /// The closed disclosures not yet archived that this person may archive, oldest first, optionally of one year
    /// (the bureau's year of closing, as the archive number takes it) — the year-end list the bulk run works through.
    /// </summary>
    public Task<Result<IReadOnlyList<ReadyRow>>> ListReadyAsync(int? year, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<ReadyRow>>(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.IsInAnyRole(Roles.Office, Roles.Secretary));
            var onlyOrganizations = actor.IsInRole(Roles.Office) ? null : actor.OrganizationsWhere(Roles.Secretary);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Ready now, or ready once its feedback is closed: the archiving guard with that one condition set aside.
            var query = db.Disclosures.AsNoTracking()
                .Where(ArchiveRules.PassesIn(db.ArchiveRecords, db.Feedback, ignoring: ArchiveRules.FeedbackOpen));
            if (onlyOrganizations is not null) query = query.Where(d => onlyOrganizations.Contains(d.OrganizationId));
            if (year is { } y)
            {
                var from = clock.StartOfDayUtc(new DateOnly(y, 1, 1));
                var until = clock.StartOfDayUtc(new DateOnly(y + 1, 1, 1));
                query = query.Where(d => d.ClosedAtUtc >= from && d.ClosedAtUtc < until);
            }
            var rows = await query
                .OrderBy(d => d.ClosedAtUtc).ThenBy(d => d.Id)
                .Select(d => new { d.Id, d.Title, OrganizationName = d.Organization!.Name, ClosedAtUtc = d.ClosedAtUtc!.Value })
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var open = await db.Feedback.Where(FeedbackRules.Open).Where(f => f.DisclosureId != null && ids.Contains(f.DisclosureId.Value))
                .GroupBy(f => f.DisclosureId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return rows.Select(r => new ReadyRow(r.Id, r.Title, r.OrganizationName, clock.ToLocal(r.ClosedAtUtc).Year, r.ClosedAtUtc,
                open.GetValueOrDefault(r.Id))).ToList();
        });

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
