using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// Writes the frozen record of a closed disclosure (归档保管, §5(二)4) for a given actor: the next gap-free number
/// of its organization and year, copies of its files re-hashed, the canonical snapshot and the chained digest,
/// all in one transaction, through the archiving transition <see cref="ArchiveRecord.Archive"/> and its guard
/// <see cref="ArchiveRules"/>; the files go through <see cref="ArchiveStaging"/>, so a hard kill at any moment leaves no file in
/// the archive without its record and no record without its durable files. <see cref="ArchiveService"/> calls it for the signed-in user; the demo seeder for the Office.
/// </summary>
public sealed class ArchiveWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    BureauClock clock,
    ArchiveStaging staging)
{
    public async Task<string> ArchiveAsync(Actor actor, int disclosureId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The archive's one lock is ours before we read the last number and the chain's head, so two archivers — on any
        // node — can never take the same number or fork the chain: on SQLite the file's write lock (Microsoft.Data.Sqlite
        // begins IMMEDIATE), on PostgreSQL an advisory lock held to the end of the transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.TakeForTransactionAsync(PostgresAdvisoryLock.Archive, cancellationToken);

        var disclosure = await db.Disclosures.AsNoTracking().AsSplitQuery()
            .Include(d => d.Organization)
            .Include(d => d.Versions)
            .Include(d => d.Attachments)
            .Include(d => d.Approvals)
            .FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken)
            ?? throw new NotFoundException();
        AccessPolicy.Ensure(AccessPolicy.CanArchive(actor, disclosure.OrganizationId));
        var alreadyArchived = await db.ArchiveRecords.AnyAsync(r => r.DisclosureId == disclosureId, cancellationToken);
        var feedback = await db.Feedback.AsNoTracking()
            .Where(f => f.DisclosureId == disclosureId)
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        // Refused before anything is staged; ArchiveRecord.Archive checks the same guard again as it makes the record.
        ArchiveRules.Ensure(disclosure, alreadyArchived, feedback);

        var organization = disclosure.Organization!;
        var year = clock.ToLocal(disclosure.ClosedAtUtc!.Value).Year;
        var sequence = 1 + (await db.ArchiveRecords
            .Where(r => r.OrganizationId == organization.Id && r.Year == year)
            .MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0);
        var head = await db.ArchiveRecords.AsNoTracking()
            .OrderByDescending(r => r.ChainIndex)
            .Select(r => new { r.ChainIndex, r.Digest })
            .FirstOrDefaultAsync(cancellationToken);
        var number = ArchiveRecord.FormatNumber(organization.Code, year, sequence);
        var chainIndex = (head?.ChainIndex ?? 0) + 1;
        // The record is frozen for good: anonymous feedback goes in with no trace of its sender, whatever older rows hold.
        var anonymous = feedback.Where(f => FeedbackAnonymity.HidesSender(f.IsAnonymous, f.Channel)).Select(f => f.Id).ToHashSet();
        var audit = await LoadAuditAsync(db, disclosureId, feedback.Select(f => f.Id).ToList(), cancellationToken);
        var now = clock.UtcNow;

        var folder = staging.Prepare(number);
        var committed = false;
        try
        {
            var attachments = disclosure.Attachments.OrderBy(a => a.Id).ToList();
            var files = await CopyFilesAsync(attachments, folder, number, cancellationToken);
            var snapshot = new ArchiveSnapshot(
                ArchiveSnapshot.CurrentSchemaVersion, number, chainIndex, now, actor.UserId, actor.DisplayName,
                organization.Code, organization.Name,
                ArchiveSnapshot.DisclosurePart.From(disclosure),
                disclosure.Versions.OrderBy(v => v.Number).Select(ArchiveSnapshot.VersionPart.From).ToList(),
                attachments.Zip(files, (a, f) => new ArchiveSnapshot.AttachmentPart(
                    a.FileName, a.ContentType, f.SizeBytes, f.Sha256, f.StoredPath, a.UploadedById, a.UploadedAtUtc)).ToList(),
                disclosure.Approvals.OrderBy(a => a.Id).Select(ArchiveSnapshot.ApprovalPart.From).ToList(),
                feedback.Select(ArchiveSnapshot.FeedbackPart.From).ToList(),
                audit.Select(a => ArchiveSnapshot.AuditPart.From(a, anonymous)).ToList(),
                SearchText(disclosure, attachments)) { BodyFormat = disclosure.BodyFormat };
            var json = snapshot.ToCanonicalJson();
            var digest = ArchiveDigest.Compute(json, files.Select(f => f.Sha256), head?.Digest);

            var record = ArchiveRecord.Archive(disclosure, alreadyArchived, feedback, organization.Code, year, sequence, actor, now,
                chainIndex, json, head?.Digest, digest, files);
            db.ArchiveRecords.Add(record);
            // The record and its audit line, in this transaction; the change interceptor announces the line once it has committed.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
            // Committed: the staged, durable files take their place (or, after a kill here, at the next start).
            staging.Publish(number);
            return number;
        }
        catch when (!committed)
        {
            // The number was never committed, so nothing else can own this staging folder.
            staging.Discard(number);
            throw;
        }
    }

    /// <summary>What the register's search indexes (the FTS trigger reads it from the JSON): the body's text, then each file's.</summary>
    private static string SearchText(Disclosure disclosure, IEnumerable<Attachment> attachments) =>
        string.Join('\n', attachments.Select(a => a.ExtractedText).Where(t => t.Length > 0).Prepend(BodyHtml.ToPlainText(disclosure.Body)));

    private static Task<List<AuditEntry>> LoadAuditAsync(AppDbContext db, int disclosureId, List<int> feedbackIds,
        CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Disclosure) && a.EntityId == disclosureId)
                || (a.EntityType == nameof(Feedback) && feedbackIds.Contains(a.EntityId)))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Copies each attachment into the record's folder and hashes the copy; a copy that differs from the recorded hash refuses the archive.</summary>
    private async Task<List<ArchiveFile>> CopyFilesAsync(IReadOnlyList<Attachment> attachments, string folder, string number,
        CancellationToken cancellationToken)
    {
        var files = new List<ArchiveFile>();
        if (attachments.Count == 0) return files;
        Directory.CreateDirectory(folder);
        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            var source = Path.Combine(storage.Value.DataDirectory, attachment.StoredPath);
            if (!File.Exists(source)) throw new DomainRuleException("Archive.FileMissing", attachment.FileName);
            // Numbered so two attachments with the same name cannot overwrite each other; three digits so the
            // ordinal order of the stored paths is the record's file order, which the digest and the verifier use.
            var name = $"{i + 1:000}-{SafeFileName(attachment.FileName)}";
            var target = Path.Combine(folder, name);
            await ArchiveStaging.CopyDurablyAsync(source, target, cancellationToken);
            string sha256;
            long size;
            await using (var copy = File.OpenRead(target))
            {
                size = copy.Length;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));
            }
            if (sha256 != attachment.Sha256) throw new DomainRuleException("Archive.FileAltered", attachment.FileName);
            files.Add(new ArchiveFile(attachment.FileName, $"{number}/{name}", size, sha256));
        }
        // The folder's entries are durable before the record that names them commits.
        ArchiveStaging.SyncDirectory(folder);
        ArchiveStaging.SyncDirectory(Path.GetDirectoryName(folder)!);
        return files;
    }

    private static string SafeFileName(string fileName)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(Path.GetFileName(fileName).Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
