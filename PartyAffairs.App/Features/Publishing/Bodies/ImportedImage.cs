namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// An image embedded in an imported document. The body's <c>img</c> carries <see cref="Placeholder"/> as its source until
/// the caller has stored the image as an attachment (type checked by content, SHA-256, as any upload) and calls
/// <see cref="DocxImport.WithImageUrls"/>.
/// </summary>
public sealed record ImportedImage(string Placeholder, string FileName, string ContentType, byte[] Content);
