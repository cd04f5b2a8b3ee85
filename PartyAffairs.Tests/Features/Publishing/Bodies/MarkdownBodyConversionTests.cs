using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.Tests.Features.Archive;

namespace PartyAffairs.Tests.Features.Publishing.Bodies;

/// <summary>The one-time conversion run at startup over rows written as Markdown before the rich-text editor.</summary>
public sealed partial class MarkdownBodyConversionTests : ArchiveTestBase
{
    private const string Dues = """
        ## 党费收缴情况公示

        本季度党费**按时足额**交纳。

        ### 一、明细

        | 项目 | 人数 / 金额 |
        | --- | --- |
        | 应交党费党员 | 23 人 |
        | 实交 | 23 人 |

        1. 按月交纳
        2. 足额交纳
        """;

    private const string Notice = "支部党员大会定于下周召开。\n\n- 地点：三楼会议室\n- 议程：选举";

    private async Task<int> ConvertAsync()
    {
        await using var scope = harness.NewScope();
        return await harness.Get<MarkdownBodyConversion>(scope).RunAsync();
    }

    /// <summary>Writes the rows as the old app left them: Markdown bodies, marked Markdown (what the migration marks every old row).</summary>
    private async Task WriteAsMarkdownAsync(int disclosureId, string markdown)
    {
        await using var db = harness.NewDb();
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Disclosures" SET "Body" = {markdown}, "BodyFormat" = 'Markdown' WHERE "Id" = {disclosureId}""");
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "DisclosureVersions" SET "Body" = {markdown}, "BodyFormat" = 'Markdown' WHERE "DisclosureId" = {disclosureId}""");
    }

    [Fact]
    public async Task Markdown_rows_become_clean_HTML_once_with_every_word_kept_and_the_archive_untouched()
    {
        var archived = await ClosedDisclosureAsync(title: "已归档事项", body: "## 归档前的正文\n\n**原样**保存。");
        await harness.SignInAsync("secretary");
        (await ArchiveAsync(archived)).Succeeded.ShouldBeTrue();
        var dues = await ClosedDisclosureAsync(title: "党费收缴情况公示", body: Dues, close: false);
        var notice = await ClosedDisclosureAsync(title: "通知", body: Notice);
        await WriteAsMarkdownAsync(archived, "## 归档前的正文\n\n**原样**保存。");
        await WriteAsMarkdownAsync(dues, Dues);
        await WriteAsMarkdownAsync(notice, Notice);
        await using var before = harness.NewDb();
        var frozen = await before.ArchiveRecords.AsNoTracking().Select(r => new { r.Id, r.CanonicalJson, r.Digest }).ToListAsync();
        var versions = await before.Set<DisclosureVersion>().CountAsync();

        (await ConvertAsync()).ShouldBe(3 + versions);

        await using var db = harness.NewDb();
        var rows = await db.Disclosures.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Body, d.BodyFormat, d.Version));
        rows.Values.ShouldAllBe(r => r.BodyFormat == BodyFormat.Html);
        var duesHtml = rows[dues].Body;
        duesHtml.ShouldStartWith("<h2>党费收缴情况公示</h2><p>本季度党费<strong>按时足额</strong>交纳。</p><h3>一、明细</h3>");
        duesHtml.ShouldContain("<table><thead><tr><th>项目</th><th>人数 / 金额</th></tr></thead><tbody><tr><td>应交党费党员</td><td>23 人</td></tr>");
        duesHtml.ShouldContain("<ol><li>按月交纳</li><li>足额交纳</li></ol>");
        rows[notice].Body.ShouldBe("<p>支部党员大会定于下周召开。</p><ul><li>地点：三楼会议室</li><li>议程：选举</li></ul>");
        foreach (var (id, markdown) in new[] { (dues, Dues), (notice, Notice) })
        {
            var text = BodyHtml.ToPlainText(rows[id].Body);
            foreach (Match word in Word().Matches(ListMarker().Replace(markdown, ""))) text.ShouldContain(word.Value);
            BodyHtml.Sanitize(rows[id].Body, _ => false).ShouldBe(rows[id].Body);
        }
        var convertedVersions = await db.Set<DisclosureVersion>().AsNoTracking().ToListAsync();
        convertedVersions.ShouldAllBe(v => v.BodyFormat == BodyFormat.Html);
        convertedVersions.Single(v => v.DisclosureId == dues).Body.ShouldBe(duesHtml);
        // The frozen records keep their bytes, so their digests still verify; their page converts for display only.
        (await db.ArchiveRecords.AsNoTracking().Select(r => new { r.Id, r.CanonicalJson, r.Digest }).ToListAsync())
            .ShouldBe(frozen);

        // A second start finds nothing to do and changes nothing (not even the concurrency version an open editor holds).
        (await ConvertAsync()).ShouldBe(0);
        await using var again = harness.NewDb();
        (await again.Disclosures.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Body, d.BodyFormat, d.Version))).ShouldBe(rows);
    }

    [Fact]
    public async Task A_record_frozen_before_the_change_reads_as_Markdown_and_a_new_one_records_HTML()
    {
        var id = await ClosedDisclosureAsync(body: "<p>归档的<strong>正文</strong></p>");
        await harness.SignInAsync("secretary");
        (await ArchiveAsync(id)).Succeeded.ShouldBeTrue();
        await using var db = harness.NewDb();
        var json = await db.ArchiveRecords.Select(r => r.CanonicalJson).SingleAsync();
        json.ShouldContain("\"BodyFormat\":\"Html\"");
        var snapshot = ArchiveSnapshot.FromCanonicalJson(json);
        snapshot.BodiesAre.ShouldBe(BodyFormat.Html);
        ArchivedBody.Html(snapshot).ShouldBe("<p>归档的<strong>正文</strong></p>");

        // As records were frozen before: no BodyFormat at all, a Markdown body. Its JSON has no new key, so its digest holds.
        var old = snapshot with { BodyFormat = null, Disclosure = snapshot.Disclosure with { Body = "## 标题\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n<script>x()</script>" } };
        var oldJson = old.ToCanonicalJson();
        oldJson.ShouldNotContain("BodyFormat");
        var read = ArchiveSnapshot.FromCanonicalJson(oldJson);
        read.BodiesAre.ShouldBe(BodyFormat.Markdown);
        read.ToCanonicalJson().ShouldBe(oldJson);
        var html = ArchivedBody.Html(read);
        html.ShouldStartWith("<h2>标题</h2><table>");
        html.ShouldNotContain("<script");
        ArchivedBody.Text(read).ShouldBe(read.Disclosure.Body);
        ArchivedBody.Text(snapshot).ShouldBe("归档的正文");
    }

    [GeneratedRegex(@"(?m)^\s*(\d+[.)]|[-*+])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
