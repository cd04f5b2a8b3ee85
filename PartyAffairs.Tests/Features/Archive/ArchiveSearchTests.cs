using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Archive;

public sealed class ArchiveSearchTests : ArchiveTestBase
{
    private async Task SeedAsync()
    {
        await harness.SignInAsync("office");
        (await ArchiveAsync(await ClosedDisclosureAsync(title: "2026年第三季度党费收缴情况", body: "本季度应交党费 12 人，实交 12 人。"))).Succeeded.ShouldBeTrue();
        (await ArchiveAsync(await ClosedDisclosureAsync(title: "“微心愿”认领活动公示", body: "党员认领社会福利院老人微心愿 36 个，已全部兑现。",
            audience: Audience.AllMembers, category: Category.ServiceToMembersAndMasses))).Succeeded.ShouldBeTrue();
        (await ArchiveAsync(await ClosedDisclosureAsync(title: "意见反馈办理结果", body: "100% 办结；\"引号\" 与 _下划线_ 原样保存。"))).Succeeded.ShouldBeTrue();
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(ArchiveFilter filter)
    {
        await using var scope = harness.NewScope();
        var result = await harness.Get<ArchiveQueryService>(scope).ListAsync(filter);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!.Rows.Select(r => r.Title).ToList();
    }

    [Fact]
    public async Task Chinese_words_of_two_and_more_characters_are_found_in_title_and_body()
    {
        await SeedAsync();

        (await TitlesAsync(new(Text: "党费"))).ShouldBe(["2026年第三季度党费收缴情况"]);
        (await TitlesAsync(new(Text: "福利院"))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Text: "社会福利院老人"))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Text: "心"))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Text: "党员 兑现"))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Text: "TST-2026-0001"))).ShouldBe(["2026年第三季度党费收缴情况"]);
        (await TitlesAsync(new(Text: "党费 兑现"))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("%", "意见反馈办理结果")]
    [InlineData("_", "意见反馈办理结果")]
    [InlineData("\"", "意见反馈办理结果")]
    [InlineData("\"引号\"", "意见反馈办理结果")]
    [InlineData("OR", null)]
    [InlineData("党费\" OR \"微心愿", null)]
    [InlineData("NEAR(党费 微心愿)", null)]
    public async Task Wildcards_quotes_and_operators_are_plain_characters(string text, string? expected)
    {
        await SeedAsync();

        (await TitlesAsync(new(Text: text))).ShouldBe(expected is null ? [] : [expected]);
    }

    [Fact]
    public async Task Empty_and_very_long_searches_do_not_fail()
    {
        await SeedAsync();

        (await TitlesAsync(new(Text: ""))).Count.ShouldBe(3);
        (await TitlesAsync(new(Text: "   "))).Count.ShouldBe(3);
        (await TitlesAsync(new(Text: new string('党', 500)))).ShouldBeEmpty();
        (await TitlesAsync(new(Text: string.Join(' ', Enumerable.Repeat("党费", 200))))).ShouldBe(["2026年第三季度党费收缴情况"]);
    }

    [Fact]
    public async Task Filters_combine_with_the_search_and_pages_count_the_whole()
    {
        await SeedAsync();

        (await TitlesAsync(new(Audience: Audience.AllMembers))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Category: Category.ServiceToMembersAndMasses, Text: "党员"))).ShouldBe(["“微心愿”认领活动公示"]);
        (await TitlesAsync(new(Category: Category.Other, Text: "心愿"))).ShouldBeEmpty();
        (await TitlesAsync(new(Year: 2025))).ShouldBeEmpty();
        await using var scope = harness.NewScope();
        var page = (await harness.Get<ArchiveQueryService>(scope).ListAsync(new(Page: 1, PageSize: 2))).Value!;
        page.Total.ShouldBe(3);
        page.Rows.Single().ArchiveNumber.ShouldBe("TST-2026-0001");
    }

    [Fact]
    public async Task The_secretary_of_another_organization_finds_nothing_of_this_one()
    {
        await SeedAsync();
        await harness.SignInAsync("other-secretary");

        (await TitlesAsync(new(Text: "党费"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_word_only_in_an_archived_attachment_is_found_and_the_record_still_verifies()
    {
        await SeedAsync();
        (await ArchiveAsync(await ClosedDisclosureAsync(title: "党费使用情况", body: "详见附件。", withAttachment: true,
            attachmentPdf: SampleFiles.PdfWithText("Quarterly dues ledger")))).Succeeded.ShouldBeTrue();

        (await TitlesAsync(new(Text: "Quarterly"))).ShouldBe(["党费使用情况"]);
        (await TitlesAsync(new(Text: "dues ledger"))).ShouldBe(["党费使用情况"]);
        (await TitlesAsync(new(Text: "附件 ledger"))).ShouldBe(["党费使用情况"]);
        // The body is still indexed for the new record, and the older ones keep theirs.
        (await TitlesAsync(new(Text: "详见"))).ShouldBe(["党费使用情况"]);
        (await TitlesAsync(new(Text: "福利院"))).ShouldBe(["“微心愿”认领活动公示"]);

        await using var db = harness.NewDb();
        var json = await db.ArchiveRecords.Where(r => r.Title == "党费使用情况").Select(r => r.CanonicalJson).SingleAsync();
        var snapshot = ArchiveSnapshot.FromCanonicalJson(json);
        snapshot.SearchText.ShouldBe("详见附件。\nQuarterly dues ledger");
        snapshot.ToCanonicalJson().ShouldBe(json);
        var report = await harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
        report.Problems.ShouldBeEmpty();
    }
}
