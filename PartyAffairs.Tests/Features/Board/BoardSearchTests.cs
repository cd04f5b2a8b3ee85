using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>The board's search over title, body and attachment text (the DisclosureSearch FTS table), inside the audience rule.</summary>
public sealed class BoardSearchTests
{
    private sealed record Cast(int Dues, int Life, int Inner, int Quoted, int Scan, int DraftA, int InnerB);

    private static async Task<Cast> SeedAsync(ServiceHarness harness, TestBureau bureau)
    {
        var a = bureau.BranchAId;
        return new Cast(
            await PublishedAsync(harness, bureau, a, "党费收缴情况公示", "<p>本季度党费已按时收缴。</p>", Audience.Public,
                ("账目.pdf", SampleFiles.PdfType, SampleFiles.PdfWithText("Quarterly dues ledger"))),
            await PublishedAsync(harness, bureau, a, "组织生活会通报", "<p>会议讨论了 wage reform 事项。</p>", Audience.Public,
                ("通知.docx", SampleFiles.DocxType, SampleFiles.Docx("帮扶对象：低保家庭"))),
            await PublishedAsync(harness, bureau, a, "支部内部通报", "<p>仅本支部。</p>", Audience.Organization,
                ("内部账目.pdf", SampleFiles.PdfType, SampleFiles.PdfWithText("Internal ledger"))),
            await PublishedAsync(harness, bureau, a, "关于\"双报到\"*安排", "<p>见附件。</p>", Audience.Public),
            await PublishedAsync(harness, bureau, a, "扫描件事项", "<p>扫描的通知。</p>", Audience.Public,
                ("扫描.pdf", SampleFiles.PdfType, SampleFiles.ScannedPdf()), ("照片.png", SampleFiles.PngType, SampleFiles.Png())),
            await PublishedAsync(harness, bureau, a, "草稿账目", "<p>ledger 草稿</p>", Audience.Public, publish: false),
            await PublishedAsync(harness, bureau, bureau.BranchBId, "B 支部账目", "<p>B ledger</p>", Audience.Organization));
    }

    /// <summary>An item of <paramref name="organizationId"/> on display since yesterday, its files read as an upload reads them.</summary>
    private static async Task<int> PublishedAsync(ServiceHarness harness, TestBureau bureau, int organizationId, string title, string body,
        Audience audience, params (string Name, string Type, byte[] Bytes)[] files) =>
        await PublishedAsync(harness, bureau, organizationId, title, body, audience, true, files);

    private static async Task<int> PublishedAsync(ServiceHarness harness, TestBureau bureau, int organizationId, string title, string body,
        Audience audience, bool publish, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var at = bureau.Now.AddDays(-1);
        var author = bureau["office"];
        await using var db = harness.NewDb();
        var d = Disclosure.OutOfCatalogue(organizationId, Category.Other, "临时增加的事项", Channel.Board, audience, author, at);
        d.Edit(title, body, Channel.Board, audience, at, at.AddDays(7), false, author, at);
        foreach (var (name, type, bytes) in files)
        {
            var attachment = new Attachment(name, type, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), $"uploads/{name}", author, at);
            var (state, text) = AttachmentTextReader.Read(bytes, type);
            attachment.RecordText(state, text);
            d.AddAttachment(attachment);
        }
        db.Disclosures.Add(d);
        await db.SaveChangesAsync();
        if (!publish) return d.Id;
        d.Submit(author, at, []);
        d.Approve(bureau["leader"], at, true);
        d.Publish(Actor.System, at);
        await db.SaveChangesAsync();
        return d.Id;
    }

    private static async Task<IReadOnlyList<int>> SearchAsync(ServiceHarness harness, string? userName, string? query)
    {
        if (userName is null) harness.Auth.SignOut();
        else await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await harness.Get<BoardService>(scope).ListAsync(query);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!.Organizations.SelectMany(o => o.Categories).SelectMany(c => c.Standing.Concat(c.Current))
            .Select(e => e.Id).Order().ToList();
    }

    [Fact]
    public async Task Words_are_found_in_the_title_the_body_and_the_attachments_text()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var c = await SeedAsync(harness, bureau);

        (await SearchAsync(harness, null, "Quarterly")).ShouldBe([c.Dues]);          // only in the PDF
        (await SearchAsync(harness, null, "dues ledger")).ShouldBe([c.Dues]);        // two words of the PDF, both required
        (await SearchAsync(harness, null, "帮扶对象")).ShouldBe([c.Life]);            // only in the .docx
        (await SearchAsync(harness, null, "低保")).ShouldBe([c.Life]);               // two characters, only in the .docx
        (await SearchAsync(harness, null, "wage")).ShouldBe([c.Life]);               // only in the body
        (await SearchAsync(harness, null, "按时收缴")).ShouldBe([c.Dues]);            // only in the body
        (await SearchAsync(harness, null, "生活会")).ShouldBe([c.Life]);              // only in the title
        (await SearchAsync(harness, null, "通报")).ShouldBe([c.Life]);               // two characters in a title
        (await SearchAsync(harness, null, "费")).ShouldBe([c.Dues]);                 // one character
        (await SearchAsync(harness, null, "党费 Quarterly")).ShouldBe([c.Dues]);      // title and file together
        (await SearchAsync(harness, null, "党费 wage")).ShouldBeEmpty();
        (await SearchAsync(harness, null, "扫描的")).ShouldBe([c.Scan]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"双报到\"")]
    [InlineData("*")]
    [InlineData("\"双报到\"*")]
    public async Task Quotes_and_stars_are_characters_of_the_text(string query)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var c = await SeedAsync(harness, bureau);

        (await SearchAsync(harness, null, query)).ShouldBe([c.Quoted]);
    }

    [Theory]
    [InlineData("Quarterly OR wage")]   // as FTS syntax: either item; as text: "OR" is a third word nobody has with both
    [InlineData("-wage")]               // as FTS syntax: everything without "wage"
    [InlineData("Quarter*")]            // as FTS syntax: a prefix
    [InlineData("wage\" OR \"dues")]
    [InlineData("NEAR(dues ledger)")]
    [InlineData("' OR 1=1 --")]
    public async Task Search_operators_are_plain_text_and_match_nothing_here(string query)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await SeedAsync(harness, bureau);

        (await SearchAsync(harness, null, query)).ShouldBeEmpty();
    }

    /// <summary>
    /// Every visitor × query: search returns exactly the items the visitor sees on the board whose text holds the words —
    /// never an internal item of another branch, a draft, or an item of a narrower audience, whatever matched.
    /// </summary>
    [Fact]
    public async Task Search_only_narrows_what_each_visitor_may_see()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var c = await SeedAsync(harness, bureau);
        var holders = new Dictionary<string, int[]>
        {
            ["ledger"] = [c.Dues, c.Inner, c.DraftA, c.InnerB],
            ["Internal"] = [c.Inner],
            ["账目"] = [c.DraftA, c.InnerB],
            ["通报"] = [c.Life, c.Inner],
            ["支部"] = [c.Inner, c.InnerB],
        };
        var visible = new Dictionary<string, int[]>
        {
            ["(anonymous)"] = [c.Dues, c.Life, c.Quoted, c.Scan],
            ["memberA"] = [c.Dues, c.Life, c.Quoted, c.Scan, c.Inner],
            ["memberB"] = [c.Dues, c.Life, c.Quoted, c.Scan, c.InnerB],
            ["office"] = [c.Dues, c.Life, c.Quoted, c.Scan, c.Inner, c.InnerB],
            ["secA"] = [c.Dues, c.Life, c.Quoted, c.Scan, c.Inner],
        };
        foreach (var (user, sees) in visible)
        {
            var name = user == "(anonymous)" ? null : user;
            (await SearchAsync(harness, name, null)).ShouldBe(sees.Order().ToList(), user);
            foreach (var (query, holding) in holders)
            {
                (await SearchAsync(harness, name, query)).ShouldBe(sees.Intersect(holding).Order().ToList(), $"{user} searching {query}");
            }
        }
    }

    [Fact]
    public async Task The_index_follows_the_body_and_the_files_as_a_draft_changes()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var id = await PublishedAsync(harness, bureau, bureau.BranchAId, "草稿", "<p>旧的正文</p>", Audience.Public, publish: false,
            ("账目.pdf", SampleFiles.PdfType, SampleFiles.PdfWithText("Quarterly dues ledger")));
        (await IndexedAsync(harness, id)).ShouldBe(("草稿", "旧的正文\nQuarterly dues ledger"));

        await using (var db = harness.NewDb())
        {
            var d = await db.Disclosures.Include(x => x.Attachments).SingleAsync(x => x.Id == id);
            var author = bureau["office"];
            d.Edit("新标题", "<p>新的<strong>正文</strong></p>", d.Channels, d.Audience, d.DisplayFromUtc, d.DisplayUntilUtc, false, author, bureau.Now);
            d.RemoveAttachment(d.Attachments.Single().Id);
            await db.SaveChangesAsync();
        }
        (await IndexedAsync(harness, id)).ShouldBe(("新标题", "新的正文\n"));

        await using (var db = harness.NewDb())
        {
            await db.Disclosures.Where(x => x.Id == id).ExecuteDeleteAsync();
        }
        (await IndexedAsync(harness, id)).ShouldBeNull();
    }

    private static async Task<(string Title, string Text)?> IndexedAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        var rows = await db.Database.SqlQuery<IndexedRow>($"""SELECT "Title", "Text" FROM "DisclosureSearch" WHERE rowid = {id}""").ToListAsync();
        return rows.Count == 0 ? null : (rows[0].Title, rows[0].Text);
    }

    private sealed record IndexedRow(string Title, string Text);
}
