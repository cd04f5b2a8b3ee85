using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Browser;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

[Collection(BrowserCollection.Name)]
public sealed class AttachmentDownloadTests(AppServer server)
{
    // A disclosure with one attachment written straight into the running app's database and data directory.
    private async Task<int> AttachedAsync(Audience audience, bool publish, byte[] bytes)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var storage = server.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await using var db = await factory.CreateDbContextAsync();
        var drafter = await db.Users.SingleAsync(u => u.UserName == "drafter");
        var office = await db.Users.SingleAsync(u => u.UserName == "office");
        var author = new Actor(drafter.Id, "drafter", drafter.OrganizationId, new HashSet<string> { Roles.Drafter });
        var reviewer = new Actor(office.Id, "office", office.OrganizationId, new HashSet<string> { Roles.Office });
        var now = DateTime.UtcNow;
        var d = Disclosure.OutOfCatalogue(drafter.OrganizationId!.Value, Category.Other, "测试", Channel.Board, audience, author, now);
        d.Edit("附件下载测试", "正文", Channel.Board, audience, now, now.AddDays(8), false, author, now);
        var relative = Path.Combine("uploads", "http-test", $"{Guid.NewGuid():N}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(storage.DataDirectory, relative))!);
        await File.WriteAllBytesAsync(Path.Combine(storage.DataDirectory, relative), bytes);
        var attachment = new Attachment("会议通知.pdf", "application/pdf", bytes.Length, new string('0', 64), relative, author, now);
        d.AddAttachment(attachment);
        if (publish)
        {
            d.Submit(author, now, []);
            d.Approve(reviewer, now, true);
            d.Publish(reviewer, now);
        }
        db.Disclosures.Add(d);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    [Fact]
    public async Task Anyone_downloads_a_public_items_file_as_an_attachment_but_a_drafts_file_is_not_found()
    {
        var bytes = "%PDF-1.4\n测试"u8.ToArray();
        var published = await AttachedAsync(Audience.Public, publish: true, bytes);
        var draft = await AttachedAsync(Audience.Public, publish: false, bytes);
        var members = await AttachedAsync(Audience.AllMembers, publish: true, bytes);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await http.GetAsync($"/attachments/{published}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("会议通知.pdf");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        (await http.GetAsync($"/attachments/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync($"/attachments/{members}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync("/attachments/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
