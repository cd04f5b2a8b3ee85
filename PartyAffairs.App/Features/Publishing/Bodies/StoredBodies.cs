using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using PartyAffairs.App.Features.Publishing.Attachments;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>What every service that writes a disclosure body stores: the body cleaned with that disclosure's own images.</summary>
public static class StoredBodies
{
    public static async Task<string> CleanAsync(AppDbContext db, int disclosureId, string? html, CancellationToken cancellationToken)
    {
        var ids = await db.Attachments.Where(a => a.DisclosureId == disclosureId).Select(a => a.Id).ToListAsync(cancellationToken);
        return BodyHtml.Sanitize(html, AttachmentUrls.OwnedBy(ids));
    }

    /// <summary>
    /// A body with each image address of an old attachment id pointed at its replacement (a correction's own copy of the
    /// original's file), then cleaned with the new ids as the own ones; unchanged when it shows none of them.
    /// </summary>
    public static string Relink(string html, IReadOnlyDictionary<int, int> newIdByOldId)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var relinked = false;
        foreach (var image in document.QuerySelectorAll("img"))
        {
            if (AttachmentUrls.IdOf(image.GetAttribute("src")) is not { } old || !newIdByOldId.TryGetValue(old, out var now)) continue;
            image.SetAttribute("src", AttachmentUrls.Of(now));
            relinked = true;
        }
        // A body without the original's images stays exactly as it was.
        return relinked ? BodyHtml.Sanitize(document.Body!.InnerHtml, AttachmentUrls.OwnedBy(newIdByOldId.Values)) : html;
    }
}
