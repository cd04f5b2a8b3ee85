namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// How much an import may read: the file as uploaded, its contents unpacked (a small zip can unpack to gigabytes), and the
/// number of embedded images.
/// </summary>
public sealed record DocxImportLimits(long MaxBytes, int MaxImages, long MaxUnpackedBytes = 200L * 1024 * 1024);
