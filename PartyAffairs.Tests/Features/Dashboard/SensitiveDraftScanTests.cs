using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Dashboard;

/// <summary>
/// The sensitive-words card reads a draft's text again only when the draft changed, yet never shows a stale match: an edit,
/// an override or new words in the settings each show at once.
/// </summary>
public sealed class SensitiveDraftScanTests
{
    private static readonly string[] Words = ["绝密", "机密"];

    [Fact]
    public async Task Only_drafts_changed_since_the_last_reload_have_their_text_read_again()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var held = await DraftAsync(harness, bureau, "本文件属机密，请勿外传");
        var clean = await DraftAsync(harness, bureau, "本周五召开党员大会");
        var scan = harness.Services.GetRequiredService<SensitiveDraftScan>();

        var (first, firstTexts) = await FindAsync(harness, scan, Words);
        first.Select(r => (r.Id, r.Words.Single())).ShouldBe([(held, "机密")]);
        firstTexts.ShouldBeGreaterThan(0);

        var (second, secondTexts) = await FindAsync(harness, scan, Words);
        second.ShouldBe(first);
        secondTexts.ShouldBe(0);

        // Same clock time as the first save (the clock is frozen): the version alone tells the draft changed.
        await EditAsync(harness, bureau, clean, "此件绝密");
        var (third, thirdTexts) = await FindAsync(harness, scan, Words);
        third.Select(r => (r.Id, r.Words.Single())).ShouldBe([(held, "机密"), (clean, "绝密")]);
        thirdTexts.ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_that_removes_the_word_and_a_reviewers_override_each_clear_the_card()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var first = await DraftAsync(harness, bureau, "本文件属机密");
        var second = await DraftAsync(harness, bureau, "此件绝密");
        var scan = harness.Services.GetRequiredService<SensitiveDraftScan>();
        (await FindAsync(harness, scan, Words)).Rows.Count.ShouldBe(2);

        await EditAsync(harness, bureau, first, "本文件可以公开");
        await using (var db = harness.NewDb())
        {
            var draft = await db.Disclosures.SingleAsync(d => d.Id == second);
            draft.OverrideSensitiveWords(bureau["office"], bureau.Now, ["绝密"], "引用的是已公开文件的标题");
            await db.SaveChangesAsync();
        }

        (await FindAsync(harness, scan, Words)).Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task New_words_in_the_settings_are_matched_against_every_draft()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        await DraftAsync(harness, bureau, "本文件属机密");
        var meeting = await DraftAsync(harness, bureau, "本周五召开党员大会");
        var scan = harness.Services.GetRequiredService<SensitiveDraftScan>();
        (await FindAsync(harness, scan, Words)).Rows.ShouldHaveSingleItem();

        var (rows, texts) = await FindAsync(harness, scan, ["党员大会"]);

        rows.Select(r => (r.Id, r.Words.Single())).ShouldBe([(meeting, "党员大会")]);
        texts.ShouldBe(2);
    }

    private static async Task<int> DraftAsync(ServiceHarness harness, TestBureau bureau, string body)
    {
        await using var db = harness.NewDb();
        var draft = Disclosure.OutOfCatalogue(bureau.BranchAId, Category.Other, "理由", Channel.Board, Audience.Public, bureau["drafterA"], bureau.Now);
        draft.Edit("通知", body, Channel.Board, Audience.Public, bureau.Now.AddHours(1), bureau.Now.AddDays(3), false, bureau["drafterA"], bureau.Now);
        db.Disclosures.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    private static async Task EditAsync(ServiceHarness harness, TestBureau bureau, int id, string body)
    {
        await using var db = harness.NewDb();
        var draft = await db.Disclosures.SingleAsync(d => d.Id == id);
        draft.Edit(draft.Title, body, draft.Channels, draft.Audience, draft.DisplayFromUtc, draft.DisplayUntilUtc, draft.Important, bureau["drafterA"], bureau.Now);
        await db.SaveChangesAsync();
    }

    /// <summary>The card's rows, and how many drafts' texts the scan read (counted from the statements sent to the database).</summary>
    private static async Task<(IReadOnlyList<SensitiveDraftRow> Rows, int TextsRead)> FindAsync(ServiceHarness harness, SensitiveDraftScan scan, string[] words)
    {
        var reads = new TextReads();
        var database = harness.Services.GetRequiredService<DatabaseOptions>();
        var path = harness.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
        await using AppDbContext db = database.IsPostgreSql
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(reads).Options)
            : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(reads).Options);
        var rows = await scan.FindAsync(db, words, 10, CancellationToken.None);
        return (rows, reads.Count);
    }

    /// <summary>Counts the drafts whose text a statement asks for: each statement that selects "Body" binds one id per draft.</summary>
    private sealed class TextReads : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Body\"", StringComparison.Ordinal))
            {
                // EF pads a list of ids by repeating its last one; a list sent as one JSON parameter is counted by its items.
                var values = command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList();
                // (SQLite); PostgreSQL binds it as one array.
                Count += values switch
                {
                    [string json] when json.StartsWith('[') => JsonSerializer.Deserialize<int[]>(json)!.Length,
                    [int[] ids] => ids.Length,
                    _ => values.Distinct().Count(),
                };
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
