using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing;

/// <summary>Files and bodies stored before search read attachments become searchable at startup, once.</summary>
public sealed class SearchTextBackfillTests
{
    [Fact]
    public async Task Stored_files_and_bodies_are_read_once_and_indexed_without_touching_the_items_version()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var author = bureau["office"];
        var at = bureau.Now;
        var files = new (string Name, string Type, byte[]? Bytes)[]
        {
            ("账目.pdf", SampleFiles.PdfType, SampleFiles.PdfWithText("Quarterly dues ledger")),
            ("通知.docx", SampleFiles.DocxType, SampleFiles.Docx("帮扶对象：低保家庭")),
            ("扫描.pdf", SampleFiles.PdfType, SampleFiles.ScannedPdf()),
            ("照片.png", SampleFiles.PngType, SampleFiles.Png()),
            ("丢失.pdf", SampleFiles.PdfType, null),
        };
        int id;
        await using (var db = harness.NewDb())
        {
            var d = Disclosure.OutOfCatalogue(bureau.BranchAId, Category.Other, "临时增加的事项", Channel.Board, Audience.Public, author, at);
            d.Edit("旧事项", "<p>历史<em>正文</em></p>", Channel.Board, Audience.Public, at, at.AddDays(7), false, author, at);
            foreach (var (name, type, bytes) in files)
            {
                var relative = $"uploads/{Guid.NewGuid():N}{Path.GetExtension(name)}";
                if (bytes is not null) await File.WriteAllBytesAsync(Path.Combine(harness.DataDirectory, relative), bytes);
                // As stored before extraction existed: Pending, no text.
                d.AddAttachment(new Attachment(name, type, bytes?.Length ?? 1, Convert.ToHexStringLower(SHA256.HashData(bytes ?? [0])), relative, author, at));
            }
            db.Disclosures.Add(d);
            await db.SaveChangesAsync();
            id = d.Id;
            // As every row was right after the migration: no body text yet.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Disclosures" SET "BodyText" = NULL""");
        }
        var version = await VersionAsync(harness, id);
        var backfill = harness.Services.GetRequiredService<SearchTextBackfill>();

        var first = await backfill.RunAsync(CancellationToken.None);

        first.Attachments.ShouldBe(5);
        first.Bodies.ShouldBeGreaterThanOrEqualTo(1);
        await using (var db = harness.NewDb())
        {
            var states = await db.Attachments.Where(a => a.DisclosureId == id).OrderBy(a => a.Id).Select(a => new { a.TextState, a.ExtractedText }).ToListAsync();
            states.Select(s => s.TextState).ShouldBe([AttachmentTextState.Text, AttachmentTextState.Text, AttachmentTextState.NoTextLayer,
                AttachmentTextState.None, AttachmentTextState.Failed]);
            states[0].ExtractedText.ShouldContain("Quarterly dues ledger");
            var indexed = await db.Database.SqlQuery<string>($"""SELECT "Text" AS "Value" FROM "DisclosureSearch" WHERE rowid = {id}""").SingleAsync();
            indexed.ShouldBe("历史正文\nQuarterly dues ledger\n帮扶对象：低保家庭");
        }
        (await VersionAsync(harness, id)).ShouldBe(version);

        (await backfill.RunAsync(CancellationToken.None)).ShouldBe((0, 0));
    }

    private static async Task<int> VersionAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }
}
