using MiniExcelLibs;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.AnnualReport;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>
/// Boards posted per organization and quarter, and mailbox feedback by kind, in the assessment and the annual report, over a
/// seeded database. Today is 2026-11-26 in Beijing. Worked by hand:
///   Postings (day the board went up): A 02-12 (Q1), 05-06 and 05-08 (Q2); B 11-24 (Q4); A 2025-12-31 (last year, not counted).
///   Year: A (1, 2, 0, 0) = 3, B (0, 0, 0, 1) = 1, committee 0; total (1, 2, 0, 1) = 4. Q2: A 2. May: A 2. Q3: none.
///   Mailbox (filed under the committee, received today): 意见建议 2 (one through the real submission service), 应公开未公开 1,
///   其他 1, and one 意见建议 marked abusive. One letter on A's item. Year and Q4: committee received 4, abusive 1,
///   suggestions 2, undisclosed 1, other 1; A received 1 and no kinds.
/// </summary>
public sealed class PostingsAndMailboxAssessmentTests
{
    private static readonly StoredPhoto Photo = new("board.png", "image/png", 120, new string('a', 64), "uploads/postings/x.png");

    private static async Task<(ServiceHarness Harness, TestBureau Bureau)> SeededAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var b = await TestBureau.CreateAsync(harness);
        await PostAsync(harness, b, b.BranchAId, "secA", AssessmentStory.Bj(2026, 2, 10, 9), AssessmentStory.D(2026, 2, 12));
        var q2 = await PostAsync(harness, b, b.BranchAId, "secA", AssessmentStory.Bj(2026, 5, 5, 9), AssessmentStory.D(2026, 5, 6));
        await PostAsync(harness, b, b.BranchAId, "secA", null, AssessmentStory.D(2026, 5, 8), q2);
        await PostAsync(harness, b, b.BranchBId, "secB", AssessmentStory.Bj(2026, 11, 23, 9), AssessmentStory.D(2026, 11, 24));
        await PostAsync(harness, b, b.BranchAId, "secA", AssessmentStory.Bj(2025, 12, 29, 9), AssessmentStory.D(2025, 12, 31));

        var item = await b.OutOfCatalogueAsync(b.BranchAId, "第一支部经费", Audience.Public, DisclosureState.Published, b.Now.AddDays(-2));
        await b.FeedbackAsync(item, b.Now.AddHours(-1), null);

        harness.Auth.SignOut();
        await using (var scope = harness.NewScope())
        {
            var submitted = await harness.Get<FeedbackSubmissionService>(scope).SubmitToMailboxAsync(FeedbackKind.Suggestion,
                new FeedbackSubmission(0, "建议公开栏增加夜间照明", true, null, null));
            submitted.Succeeded.ShouldBeTrue(submitted.Message);
        }
        await using (var db = harness.NewDb())
        {
            Feedback Mailbox(FeedbackKind kind, string content) =>
                Feedback.ToMailbox(b.CommitteeId, kind, content, true, null, null, Actor.Anonymous, b.Now, null);
            var abusive = Mailbox(FeedbackKind.Suggestion, "广告广告广告");
            abusive.MarkAbusive(b["handler"], b.Now, "广告");
            db.Feedback.AddRange(Mailbox(FeedbackKind.Suggestion, "建议每月更新一次"), Mailbox(FeedbackKind.Undisclosed, "党费使用情况没有公开"),
                Mailbox(FeedbackKind.Other, "公开栏玻璃破了"), abusive);
            await db.SaveChangesAsync();
        }
        return (harness, b);
    }

    /// <summary>A posting made through the domain on <paramref name="postedOn"/>, carrying a Board item published at <paramref name="publishedAt"/> (or an existing one).</summary>
    private static async Task<int> PostAsync(ServiceHarness harness, TestBureau b, int organizationId, string secretary, DateTime? publishedAt,
        DateOnly postedOn, int? existingItem = null)
    {
        var item = existingItem ?? await b.OutOfCatalogueAsync(organizationId, $"公开事项 {postedOn}", Audience.Public, DisclosureState.Published, publishedAt!.Value);
        await using var db = harness.NewDb();
        var shown = (publishedAt ?? AssessmentStory.Bj(2026, 5, 5, 9), (publishedAt ?? AssessmentStory.Bj(2026, 5, 5, 9)).AddDays(7));
        var posting = new BoardPosting(organizationId, postedOn, "办公楼一楼公开栏", Photo, [new PostableItem(item, organizationId, Channel.Board, shown)],
            new HashSet<int> { organizationId }, b[secretary], b.Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        db.BoardPostings.Add(posting);
        await db.SaveChangesAsync();
        return item;
    }

    private static async Task<AssessmentView> ViewAsync(ServiceHarness harness, string user, AssessmentPeriod period)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        var result = await harness.Get<AssessmentQueryService>(scope).GetAsync(period);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task The_year_counts_boards_posted_per_organization_and_quarter_and_mailbox_feedback_by_kind_under_the_committee()
    {
        var (harness, b) = await SeededAsync();
        await using var _ = harness;

        var view = await ViewAsync(harness, "leader", AssessmentPeriod.OfYear(2026));

        var rows = view.Rows.ToDictionary(r => r.OrganizationName);
        rows["机关党委"].BoardPostings.ShouldBe(new QuarterCounts(0, 0, 0, 0));
        rows["第一党支部"].BoardPostings.ShouldBe(new QuarterCounts(1, 2, 0, 0));
        rows["第二党支部"].BoardPostings.ShouldBe(new QuarterCounts(0, 0, 0, 1));
        view.Total.BoardPostings.ShouldBe(new QuarterCounts(1, 2, 0, 1));
        view.Total.BoardPostings.Total.ShouldBe(4);

        var committee = rows["机关党委"];
        (committee.FeedbackReceived, committee.FeedbackAbusive, committee.MailboxSuggestions, committee.MailboxUndisclosed, committee.MailboxOther)
            .ShouldBe((4, 1, 2, 1, 1));
        var branchA = rows["第一党支部"];
        (branchA.FeedbackReceived, branchA.MailboxSuggestions, branchA.MailboxUndisclosed, branchA.MailboxOther).ShouldBe((1, 0, 0, 0));
        (view.Total.FeedbackReceived, view.Total.MailboxSuggestions, view.Total.MailboxUndisclosed, view.Total.MailboxOther).ShouldBe((5, 2, 1, 1));
    }

    [Fact]
    public async Task A_quarter_and_a_month_count_only_the_boards_posted_in_them()
    {
        var (harness, b) = await SeededAsync();
        await using var _ = harness;

        (await ViewAsync(harness, "office", AssessmentPeriod.OfQuarter(2026, 2))).Total.BoardPostings.ShouldBe(new QuarterCounts(0, 2, 0, 0));
        (await ViewAsync(harness, "office", AssessmentPeriod.OfMonth(2026, 5))).Rows.Single(r => r.OrganizationId == b.BranchAId)
            .BoardPostings.ShouldBe(new QuarterCounts(0, 2, 0, 0));
        (await ViewAsync(harness, "office", AssessmentPeriod.OfQuarter(2026, 3))).Total.BoardPostings.Total.ShouldBe(0);
        (await ViewAsync(harness, "office", AssessmentPeriod.OfYear(2025))).Total.BoardPostings.ShouldBe(new QuarterCounts(0, 0, 0, 1));
        var october = await ViewAsync(harness, "office", AssessmentPeriod.OfMonth(2026, 10));
        (october.Total.BoardPostings.Total, october.Total.MailboxSuggestions).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Every_new_figure_opens_exactly_the_records_it_counts()
    {
        var (harness, _) = await SeededAsync();
        await using var __ = harness;
        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);
        AssessmentMeasure[] measures = [AssessmentMeasure.BoardPostings, AssessmentMeasure.MailboxSuggestions, AssessmentMeasure.MailboxUndisclosed,
            AssessmentMeasure.MailboxOther, AssessmentMeasure.FeedbackReceived, AssessmentMeasure.FeedbackAbusive];

        foreach (var period in new[] { AssessmentPeriod.OfYear(2026), AssessmentPeriod.OfQuarter(2026, 2), AssessmentPeriod.OfQuarter(2026, 4) })
        {
            var view = (await service.GetAsync(period)).Value!;
            foreach (var row in view.Rows.Append(view.Total))
            {
                foreach (var measure in measures)
                {
                    var items = await service.ItemsAsync(period, row.OrganizationId == 0 ? null : row.OrganizationId, measure);
                    items.Succeeded.ShouldBeTrue(items.Message);
                    items.Value!.Count.ShouldBe(row.Count(measure), $"{period} {row.OrganizationName} {measure}");
                }
            }
        }

        var posted = (await service.ItemsAsync(AssessmentPeriod.OfQuarter(2026, 2), null, AssessmentMeasure.BoardPostings)).Value!;
        posted.Select(p => (p.Title, p.OrganizationName)).ShouldBe([("办公楼一楼公开栏", "第一党支部"), ("办公楼一楼公开栏", "第一党支部")]);
        posted[0].Detail.ShouldContain("2026-05-06");
        posted[0].Link.ShouldBe("/postings");
        (await service.ItemsAsync(AssessmentPeriod.OfYear(2026), null, AssessmentMeasure.MailboxUndisclosed)).Value!.ShouldHaveSingleItem()
            .Title.ShouldContain("应公开未公开");
    }

    [Fact]
    public async Task A_branch_secretary_sees_her_branchs_postings_and_not_the_committees_mailbox()
    {
        var (harness, _) = await SeededAsync();
        await using var __ = harness;

        var view = await ViewAsync(harness, "secA", AssessmentPeriod.OfYear(2026));

        var row = view.Rows.ShouldHaveSingleItem();
        row.BoardPostings.ShouldBe(new QuarterCounts(1, 2, 0, 0));
        (row.MailboxSuggestions, row.MailboxUndisclosed, row.MailboxOther).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task The_annual_report_and_its_workbook_carry_the_boards_posted_and_the_mailbox_kinds()
    {
        var (harness, _) = await SeededAsync();
        await using var __ = harness;
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();
        var report = (await harness.Get<AnnualReportService>(scope).GetAsync(2026)).Value!;

        var postings = report.Tables.Single(t => t.SheetName == "公开栏张贴");
        postings.Columns.ShouldBe(["党组织", "第1季度", "第2季度", "第3季度", "第4季度", "合计"]);
        var lines = postings.Lines.ToDictionary(l => l.Label, l => l.Values);
        lines["第一党支部"].ShouldBe([1, 2, 0, 0, 3]);
        lines["第二党支部"].ShouldBe([0, 0, 0, 1, 1]);
        lines["合计"].ShouldBe([1, 2, 0, 1, 4]);

        var feedback = report.Tables.Single(t => t.SheetName == "意见反馈");
        feedback.Columns.TakeLast(3).ShouldBe(["意见箱：意见建议", "意见箱：应公开未公开", "意见箱：其他"]);
        feedback.Lines.Single(l => l.Label == "机关党委").Values.ShouldBe([4, 1, 0, 0, 0, null, 2, 1, 1]);
        feedback.Lines.Single(l => l.Label == "合计").Values.TakeLast(3).ShouldBe([2, 1, 1]);

        using var stream = new MemoryStream();
        AnnualReportWorkbook.Write(stream, report);
        stream.Position = 0;
        var branchA = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "公开栏张贴", startCell: AnnualReportWorkbook.TableStartCell)
            .Cast<IDictionary<string, object?>>().Single(r => (string?)r["党组织"] == "第一党支部");
        (Convert.ToInt32(branchA["第2季度"]), Convert.ToInt32(branchA["合计"])).ShouldBe((2, 3));
        stream.Position = 0;
        var committee = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "意见反馈", startCell: AnnualReportWorkbook.TableStartCell)
            .Cast<IDictionary<string, object?>>().Single(r => (string?)r["党组织"] == "机关党委");
        Convert.ToInt32(committee["意见箱：应公开未公开"]).ShouldBe(1);
    }
}
