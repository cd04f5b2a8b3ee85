using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>Reads the archive records: the Office and Leaders all of them, anyone else their own organization's.</summary>
public sealed class ArchiveQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, Outcomes outcomes)
{
    public Task<Result<ArchiveListView>> ListAsync(ArchiveFilter filter, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(WorkReaders.Includes(actor));
            int? onlyOrganization = actor.SeesWholeBureau ? null : actor.OrganizationId ?? 0;

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var visible = db.ArchiveRecords.AsNoTracking();
            if (onlyOrganization is { } own) visible = visible.Where(r => r.OrganizationId == own);
            var years = await visible.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

            var query = visible;
            if (filter.Year is { } year) query = query.Where(r => r.Year == year);
            if (filter.OrganizationId is { } organizationId) query = query.Where(r => r.OrganizationId == organizationId);
            var rows = await query
                .OrderByDescending(r => r.ChainIndex)
                .Select(r => new ArchiveRow(r.Id, r.ArchiveNumber, r.Title,
                    db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    r.Year, r.Category, r.Audience, r.ArchivedAtUtc, r.Digest))
                .ToListAsync(cancellationToken);
            var organizations = await OrganizationOptions.ListAsync(db, onlyOrganization, cancellationToken);
            return new ArchiveListView(rows, years, organizations);
        });
}
