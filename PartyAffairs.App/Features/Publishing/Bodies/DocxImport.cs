using AngleSharp.Html.Parser;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// A Word document read into a clean body. <see cref="SkippedImages"/> counts images in formats a browser cannot show
/// (EMF/WMF drawings, TIFF), which are left out so the page can say so.
/// </summary>
public sealed record DocxImport(string Html, IReadOnlyList<ImportedImage> Images, int SkippedImages)
{
    /// <summary>
    /// The body with each image placeholder replaced by its attachment's URL, cleaned again with the item's own-attachment
    /// rule; an image the caller did not store (refused by type or size) is left out.
    /// </summary>
    public string WithImageUrls(IReadOnlyDictionary<string, string> urlByPlaceholder, Func<string, bool> isOwnAttachmentUrl)
    {
        var document = new HtmlParser().ParseDocument(Html);
        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            if (image.GetAttribute("src") is { } src && urlByPlaceholder.TryGetValue(src, out var url)) image.SetAttribute("src", url);
            else image.Remove();
        }
        return BodyHtml.Sanitize(document.Body!.InnerHtml, isOwnAttachmentUrl);
    }
}
