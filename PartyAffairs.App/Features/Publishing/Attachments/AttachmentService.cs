using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing.Attachments;

/// <summary>
/// A disclosure's files: uploaded while it is a draft by those who may edit it, checked by content and
/// size, hashed while copied under the data directory; downloaded by whoever may read the item. A file the
/// asker may not see answers exactly like a missing one, so ids reveal nothing.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    SettingsService settings,
    IOptions<StorageOptions> storage,
    BureauClock clock,
    Outcomes outcomes,
    IStringLocalizer<PublishingStrings> text,
    ILogger<AttachmentService> logger)
{
    public Task<Result<int>> UploadAsync(int disclosureId, int expectedVersion, string fileName, Stream content,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var maxMegabytes = (await settings.GetAsync(cancellationToken)).AttachmentMaxMegabytes;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosure = await db.Disclosures.Include(d => d.Attachments)
                .FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            disclosure.EnsureVersion(expectedVersion);
            if (!disclosure.IsEditable) throw new DomainRuleException("Disclosure.NotEditable");

            var name = SafeName(fileName);
            var stored = await StoreAsync(disclosureId, name, content, maxMegabytes * 1024L * 1024L, cancellationToken);
            try
            {
                var attachment = new Attachment(name, stored.ContentType, stored.Size, stored.Sha256, stored.RelativePath, actor, clock.UtcNow);
                // Read before the write, so the item is searchable by its files' text from the moment they are saved.
                await AttachmentTextReader.ReadIntoAsync(attachment, Path.Combine(storage.Value.DataDirectory, stored.RelativePath), cancellationToken);
                disclosure.AddAttachment(attachment);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                File.Delete(Path.Combine(storage.Value.DataDirectory, stored.RelativePath));
                throw;
            }
            return disclosure.Version;
        });

    /// <summary>
    /// Several files as one change (the images of an imported Word document): each passes the checks an upload passes (type by
    /// content, size, SHA-256), and either all are attached in one save or none is and no file stays behind.
    /// </summary>
    public Task<Result<UploadedFiles>> UploadAllAsync(int disclosureId, int expectedVersion, IReadOnlyList<(string FileName, byte[] Content)> files,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var maxMegabytes = (await settings.GetAsync(cancellationToken)).AttachmentMaxMegabytes;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosure = await db.Disclosures.Include(d => d.Attachments)
                .FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken) ?? throw new NotFoundException();
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            disclosure.EnsureVersion(expectedVersion);
            if (!disclosure.IsEditable) throw new DomainRuleException("Disclosure.NotEditable");

            var stored = new List<StoredFile>();
            try
            {
                var added = new List<Attachment>();
                foreach (var (fileName, content) in files)
                {
                    var name = SafeName(fileName);
                    var file = await StoreAsync(disclosureId, name, new MemoryStream(content, writable: false), maxMegabytes * 1024L * 1024L, cancellationToken);
                    stored.Add(file);
                    var attachment = new Attachment(name, file.ContentType, file.Size, file.Sha256, file.RelativePath, actor, clock.UtcNow);
                    disclosure.AddAttachment(attachment);
                    added.Add(attachment);
                }
                await db.SaveChangesAsync(cancellationToken);
                return new UploadedFiles(disclosure.Version, added.Select(a => a.Id).ToList());
            }
            catch
            {
                foreach (var file in stored) File.Delete(Path.Combine(storage.Value.DataDirectory, file.RelativePath));
                throw;
            }
        });

    public Task<Result<int>> RemoveAsync(int attachmentId, int expectedVersion, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var disclosureId = await db.Attachments.Where(a => a.Id == attachmentId).Select(a => (int?)a.DisclosureId)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var disclosure = await db.Disclosures.Include(d => d.Attachments)
                .FirstAsync(d => d.Id == disclosureId, cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, disclosure.OrganizationId), "Access.NotYourOrganization");
            disclosure.EnsureVersion(expectedVersion);
            var removed = disclosure.RemoveAttachment(attachmentId);
            await db.SaveChangesAsync(cancellationToken);
            // A correction's draft shares the stored files of the version it corrects: those stay while any row refers to them.
            if (await db.Attachments.AnyAsync(a => a.StoredPath == removed.StoredPath, cancellationToken)) return disclosure.Version;
            // The row is gone; a file left behind by a failed delete is harmless, so it does not undo the removal.
            try { File.Delete(Path.Combine(storage.Value.DataDirectory, removed.StoredPath)); }
            catch (IOException ex) { logger.LogWarning(ex, "Could not delete {Path}", removed.StoredPath); }
            return disclosure.Version;
        });

    /// <summary>The files of a disclosure the asker may see; empty when they may not see it at all.</summary>
    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(int disclosureId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Disclosures.Where(AccessPolicy.Sees(actor)).AnyAsync(d => d.Id == disclosureId, cancellationToken)) return [];
        return await db.Attachments.AsNoTracking().Where(a => a.DisclosureId == disclosureId).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes, a.Sha256, a.UploadedAtUtc, a.TextState == AttachmentTextState.NoTextLayer))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file to serve, or NotFound when it is missing or the asker may not see it.</summary>
    public Task<Result<AttachmentFile>> GetFileAsync(int attachmentId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A file of a disclosure the asker may not read is as absent as one that never existed.
            var readable = db.Disclosures.Where(AccessPolicy.Sees(actor));
            var attachment = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == attachmentId && readable.Any(d => d.Id == a.DisclosureId))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var path = Path.Combine(storage.Value.DataDirectory, attachment.StoredPath);
            if (!File.Exists(path)) throw new NotFoundException();
            return new AttachmentFile(path, attachment.FileName, attachment.ContentType);
        });

    private sealed record StoredFile(string RelativePath, string ContentType, long Size, string Sha256);

    private async Task<StoredFile> StoreAsync(int disclosureId, string name, Stream content, long limit, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(storage.Value.UploadsDirectory, disclosureId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var outcome = await UploadStore.StoreAsync(directory, storage.Value.DataDirectory, name, content, limit, null, cancellationToken);
        var file = outcome.File;
        if (file is null) Refuse(outcome.RefusalKey!, outcome.Arguments);
        return new StoredFile(file.RelativePath, file.ContentType, file.Size, file.Sha256);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Refuse(string key, params object[] arguments) =>
        throw new ValidationException([new ValidationFailure("File", text[key, arguments])]);

    private static string SafeName(string fileName) => UploadStore.SafeName(fileName);
}
