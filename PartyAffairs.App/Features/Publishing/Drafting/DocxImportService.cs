using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// 「从 Word 导入」: reads a .docx (<see cref="DocxBodyImporter"/>) for the editor to insert. Its images become attachments of
/// the draft through <see cref="AttachmentService.UploadAllAsync"/> (type by content, size, SHA-256; all or none). The body
/// itself is not saved here: the editor inserts the returned HTML and autosaves it. A refused file (.doc, .wps, broken,
/// password-protected, too large) changes nothing.
/// </summary>
public sealed class DocxImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    SettingsService settings,
    AttachmentService attachments,
    Outcomes outcomes,
    IStringLocalizer<DraftStrings> text)
{
    /// <summary>More images than this in one document is a photo album, not a disclosure: refused, to be uploaded as attachments.</summary>
    public const int MaxImages = 50;

    public async Task<Result<DocxImported>> ImportAsync(int disclosureId, int expectedVersion, string fileName, Stream content,
        CancellationToken cancellationToken = default)
    {
        var read = await outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            var maxMegabytes = (await settings.GetAsync(cancellationToken)).AttachmentMaxMegabytes;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var draft = await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == disclosureId, cancellationToken)
                    ?? throw new NotFoundException();
                AccessPolicy.Ensure(AccessPolicy.CanDraftFor(actor, draft.OrganizationId), "Access.NotYourOrganization");
                draft.EnsureVersion(expectedVersion);
                if (!draft.IsEditable) throw new DomainRuleException("Disclosure.NotEditable");
            }
            var maxBytes = maxMegabytes * 1024L * 1024L;
            // The importer reads synchronously; a browser upload stream reads only asynchronously, and never past the limit here.
            var buffered = await BufferAsync(content, maxBytes + 1, cancellationToken);
            var result = DocxBodyImporter.Import(buffered, fileName, new DocxImportLimits(maxBytes, MaxImages));
            if (result.Refusal is { } refusal) throw Refused(refusal, maxMegabytes);
            return result.Import!;
        });
        if (!read.Succeeded) return Result<DocxImported>.From(read);
        var import = read.Value!;

        // An image the upload check would refuse by its content (a format the attachment store does not take) is left out
        // and counted, as the importer counts EMF/WMF drawings, rather than refusing the whole document.
        var kept = import.Images.Where(i => FileSignature.Detect(i.Content.AsSpan(0, Math.Min(i.Content.Length, FileSignature.HeaderLength)), i.FileName) is not null).ToList();
        var skipped = import.SkippedImages + import.Images.Count - kept.Count;
        var note = skipped > 0 ? text["Draft.Import.SkippedImages", skipped].Value : null;
        if (kept.Count == 0)
            return Result<DocxImported>.Ok(new DocxImported(import.WithImageUrls(new Dictionary<string, string>(), _ => false), expectedVersion, note));

        var uploaded = await attachments.UploadAllAsync(disclosureId, expectedVersion, kept.Select(i => (i.FileName, i.Content)).ToList(), cancellationToken);
        if (!uploaded.Succeeded) return Result<DocxImported>.From(uploaded);
        var ids = uploaded.Value!.AttachmentIds;
        var urlByPlaceholder = kept.Zip(ids).ToDictionary(p => p.First.Placeholder, p => AttachmentUrls.Of(p.Second));
        return Result<DocxImported>.Ok(new DocxImported(import.WithImageUrls(urlByPlaceholder, AttachmentUrls.OwnedBy(ids)), uploaded.Value.Version, note));
    }

    private static async Task<MemoryStream> BufferAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        buffer.Position = 0;
        return buffer;
    }

    private ValidationException Refused(DocxRefusal refusal, int maxMegabytes)
    {
        var key = "Draft.Import." + refusal;
        var message = refusal switch
        {
            DocxRefusal.TooLarge => text[key, string.Create(CultureInfo.InvariantCulture, $"{maxMegabytes} MB")],
            DocxRefusal.TooManyImages => text[key, MaxImages],
            _ => text[key],
        };
        return new ValidationException([new ValidationFailure("File", message)]);
    }
}
