using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>Drafts and published items outside the catalogue for the attachment and lifecycle tests.</summary>
public static class PublishingFixture
{
    public static byte[] PdfBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static async Task<int> DraftAsync(ServiceHarness harness, int organizationId, Audience audience, bool important = false,
        string body = "<p>第一行</p><p>第二行</p><p>第三行</p>")
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using var db = harness.NewDb();
        var author = new Actor(await UserIdAsync(db, "drafterA"), "drafterA", organizationId, new HashSet<string> { Roles.Drafter });
        var draft = Disclosure.OutOfCatalogue(organizationId, Category.Other, "上级临时要求", Channel.Board, audience, author, now);
        draft.Edit("标题", body, Channel.Board, audience, now, now.AddDays(8), important, author, now);
        db.Disclosures.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>Submits, approves and publishes as the test's own hand, skipping the services under test.</summary>
    public static async Task PublishAsync(ServiceHarness harness, int disclosureId)
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using var db = harness.NewDb();
        var office = new Actor(await UserIdAsync(db, "office"), "office", null, new HashSet<string> { Roles.Office });
        var d = await db.Disclosures.SingleAsync(x => x.Id == disclosureId);
        d.Submit(office, now, []);
        d.Approve(office, now, true);
        d.Publish(office, now);
        await db.SaveChangesAsync();
    }

    // Authors and reviewers are real users: the rows point at them.
    private static Task<string> UserIdAsync(PartyAffairs.App.Data.AppDbContext db, string userName) =>
        db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();

    public static async Task<int> VersionOfAsync(ServiceHarness harness, int disclosureId)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Version).SingleAsync();
    }

    public static async Task<Result<int>> UploadAsync(ServiceHarness harness, string userName, int disclosureId, string fileName, byte[] bytes)
    {
        await harness.SignInAsync(userName);
        var version = await VersionOfAsync(harness, disclosureId);
        await using var scope = harness.NewScope();
        return await scope.ServiceProvider.GetRequiredService<AttachmentService>()
            .UploadAsync(disclosureId, version, fileName, new MemoryStream(bytes));
    }

    public static string[] FilesOnDisk(ServiceHarness harness)
    {
        var uploads = Path.Combine(harness.DataDirectory, "uploads");
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : [];
    }
}
