using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// The year's report on Party-affairs disclosure: items disclosed by category, organization, channel and audience; the
/// on-time rate; feedback (mailbox feedback also by kind); re-disclosures; inspections and rectifications; boards posted per
/// quarter. The plan, feedback and posting figures are the year's assessment itself (<see cref="AssessmentQueryService"/>), so the report and the assessment page cannot differ. Who may
/// read it is who may assess: the Office and Leaders for the bureau, a Secretary for their own organization.
/// A disclosure counts in the year the bureau's calendar says it was published.
/// </summary>
public sealed class AnnualReportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    AssessmentQueryService assessment,
    ApplicationAssessmentService applicationAssessment,
    FiguresCache figures,
    BureauClock clock,
    EnumLabels labels,
    Outcomes outcomes,
    IStringLocalizer<AssessmentStrings> text,
    IStringLocalizer<ApplicationReportStrings> applicationText)
{
    /// <summary>The organizations on one page of the report's per-organization tables.</summary>
    public const int PageSize = 25;

    /// <summary>The whole report: the workbook and the printed copy.</summary>
    public Task<Result<AnnualReportView>> GetAsync(int year, CancellationToken cancellationToken = default) => GetAsync(year, null, cancellationToken);

    /// <summary>
    /// The report with its per-organization tables cut to one <paramref name="organizationPage"/> (null: all) and their totals kept:
    /// the report page at a city of two thousand organizations. It is counted whole either way (grouped reads, bounded by
    /// organizations, not records); only the lines handed back are cut.
    /// </summary>
    public Task<Result<AnnualReportView>> GetAsync(int year, int? organizationPage, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AssessmentRules.CanAssess(actor));
            var period = AssessmentPeriod.OfYear(year);
            if (!period.IsValid) throw new NotFoundException();
            var only = AssessmentRules.ScopeOf(actor);
            var assessed = (await assessment.GetAsync(period, cancellationToken)).Value ?? throw new NotFoundException();

            var (groups, byOrganization, inspections, rectifications) = await figures.GetAsync(
                new CountedKey(year, only is null ? null : string.Join(",", only.Order()), clock.Today), () => CountAsync(period, only), cancellationToken);
            var byCategory = groups.GroupBy(g => g.Category)
                .Select(g => new { Category = g.Key, All = g.Sum(x => x.All), InCatalogue = g.Sum(x => x.InCatalogue), Out = g.Sum(x => x.Out), Revised = g.Sum(x => x.Revised) })
                .ToList();
            var byAudience = groups.GroupBy(g => g.Audience).ToDictionary(g => g.Key, g => g.Sum(x => x.All));
            var channels = Enum.GetValues<Channel>().Where(c => c != Channel.None).ToList();
            var byChannel = channels.ToDictionary(c => c, c => groups.Where(g => (g.Channels & c) == c).Sum(g => g.All));

            var total = assessed.Total;
            var all = byCategory.Sum(c => c.All);
            var inCatalogue = byCategory.Sum(c => c.InCatalogue);
            var tables = new List<ReportTable>
            {
                new(text["Report.Sheet.Summary"], text["Report.Table.Summary"], [text["Report.Col.Item"], text["Report.Col.Count"]],
                [
                    Line(text["Report.Line.Published"], all),
                    Line(text["Report.Line.InCatalogue"], inCatalogue),
                    Line(text["Measure.OutOfCatalogue"], total.OutOfCatalogue),
                    Line(text["Measure.Redisclosures"], total.Redisclosures),
                    Line(text["Report.Line.Due"], total.Due),
                    Line(text["Measure.OnTime"], total.OnTime),
                    Line(text["Measure.Late"], total.Late),
                    Line(text["Measure.Missed"], total.Missed),
                    Line(text["Report.Line.OnTimeRate"], total.OnTimeRate),
                ], text["Report.Note.Summary"]),

                new(text["Report.Sheet.Category"], text["Report.Table.Category"],
                    [text["Report.Col.Category"], text["Report.Line.Published"], text["Report.Line.InCatalogue"], text["Measure.OutOfCatalogue"], text["Measure.Redisclosures"]],
                    [
                        .. Enum.GetValues<Category>().Select(c => byCategory.FirstOrDefault(x => x.Category == c) is { } x
                            ? Line(labels.Of(c), x.All, x.InCatalogue, x.Out, x.Revised)
                            : Line(labels.Of(c), 0, 0, 0, 0)),
                        Total(all, inCatalogue, byCategory.Sum(c => c.Out), byCategory.Sum(c => c.Revised)),
                    ]),

                new(text["Report.Sheet.Organization"], text["Report.Table.Organization"],
                    [text["Column.Organization"], text["Report.Line.Published"], text["Measure.OutOfCatalogue"], text["Measure.Redisclosures"],
                        text["Measure.Due"], text["Measure.OnTime"], text["Measure.Late"], text["Measure.Missed"], text["Report.Col.OnTimeRate"],
                        text["Measure.StandingGapDays"]],
                    [
                        .. assessed.Rows.Select(r => Line(r.OrganizationName, byOrganization.GetValueOrDefault(r.OrganizationId), r.OutOfCatalogue,
                            r.Redisclosures, r.Due, r.OnTime, r.Late, r.Missed, r.OnTimeRate, r.StandingGapDays)),
                        Total(all, total.OutOfCatalogue, total.Redisclosures, total.Due, total.OnTime, total.Late, total.Missed, total.OnTimeRate,
                            total.StandingGapDays),
                    ], PerOrganization: true),

                new(text["Report.Sheet.Channel"], text["Report.Table.Channel"], [text["Report.Col.Channel"], text["Report.Line.Published"]],
                    channels.Select(c => Line(labels.Of(c), byChannel[c])).ToList(), text["Report.Note.Channel"]),

                new(text["Report.Sheet.Audience"], text["Report.Table.Audience"], [text["Report.Col.Audience"], text["Report.Line.Published"]],
                [
                    .. Enum.GetValues<Audience>().Select(a => Line(labels.Of(a), byAudience.GetValueOrDefault(a))),
                    Total(all),
                ]),

                new(text["Report.Sheet.Feedback"], text["Report.Table.Feedback"],
                    [text["Column.Organization"], text["Measure.FeedbackReceived"], text["Measure.FeedbackAbusive"], text["Measure.AnsweredInTime"],
                        text["Measure.ResultsDisclosed"], text["Measure.FeedbackHandled"], text["Measure.MedianWorkingDays"],
                        text["Report.Col.MailboxSuggestions"], text["Report.Col.MailboxUndisclosed"], text["Report.Col.MailboxOther"]],
                    [
                        .. assessed.Rows.Select(r => Line(r.OrganizationName, r.FeedbackReceived, r.FeedbackAbusive, r.AnsweredInTime,
                            r.ResultsDisclosed, r.FeedbackHandled, r.MedianWorkingDays, r.MailboxSuggestions, r.MailboxUndisclosed, r.MailboxOther)),
                        Total(total.FeedbackReceived, total.FeedbackAbusive, total.AnsweredInTime, total.ResultsDisclosed, total.FeedbackHandled, total.MedianWorkingDays,
                            total.MailboxSuggestions, total.MailboxUndisclosed, total.MailboxOther),
                    ], text["Report.Note.Feedback"], PerOrganization: true),

                new(text["Report.Sheet.Inspections"], text["Report.Table.Inspections"], [text["Report.Col.Item"], text["Report.Col.Count"]],
                [
                    Line(text["Report.Line.Inspections"], inspections.Count),
                    Line(text["Report.Line.InspectedOrganizations"], inspections.Select(i => i.OrganizationId).Distinct().Count()),
                    Line(text["Report.Line.Rectifications"], rectifications.Count),
                    Line(text["Report.Line.RectificationsDone"], rectifications.Count(r => r.State == RectificationState.Done)),
                    Line(text["Report.Line.RectificationsDoneOnTime"], rectifications.Count(r =>
                        r.DoneAtUtc is { } done && DateOnly.FromDateTime(clock.ToLocal(done)) <= r.DueDate)),
                    Line(text["Report.Line.RectificationsOpen"], rectifications.Count(r => r.State == RectificationState.Open)),
                    Line(text["Report.Line.RectificationsOverdue"], rectifications.Count(r => r.State == RectificationState.Open && clock.Today > r.DueDate)),
                ], text["Report.Note.Inspections"]),

                new(text["Report.Sheet.Findings"], text["Report.Table.Findings"],
                    [text["Report.Col.Criterion"], .. Enum.GetValues<InspectionFinding>().Select(f => labels.Of(f))],
                    [
                        Findings("ContentComplete", inspections.Select(i => i.ContentComplete)),
                        Findings("FormEffective", inspections.Select(i => i.FormEffective)),
                        Findings("ProcedureRegular", inspections.Select(i => i.ProcedureRegular)),
                        Findings("Timely", inspections.Select(i => i.Timely)),
                        Findings("FeedbackAnswered", inspections.Select(i => i.FeedbackAnswered)),
                    ]),

                new(text["Report.Sheet.Postings"], text["Report.Table.Postings"],
                    [text["Column.Organization"], .. Enumerable.Range(1, 4).Select(q => text["Period.Quarter.Name", q].Value), text["Total"]],
                    [
                        .. assessed.Rows.Select(r => Line(r.OrganizationName, r.BoardPostings.Q1, r.BoardPostings.Q2, r.BoardPostings.Q3, r.BoardPostings.Q4,
                            r.BoardPostings.Total)),
                        Total(total.BoardPostings.Q1, total.BoardPostings.Q2, total.BoardPostings.Q3, total.BoardPostings.Q4, total.BoardPostings.Total),
                    ], text["Report.Note.Postings"], PerOrganization: true),
            };

            // 依申请公开: the year's applications, counted as the assessment counts them.
            var applications = (await applicationAssessment.GetAsync(period, cancellationToken)).Value ?? throw new NotFoundException();
            tables.AddRange(ApplicationReportTables.Build(applications, labels, applicationText));

            var scope = only is null ? text["Report.WholeBureau"].Value : string.Join("、", assessed.Rows.Select(r => r.OrganizationName));
            var title = text["Report.Title", year].Value;
            var shown = organizationPage is { } page ? tables.Select(t => t.Page(page, PageSize)).ToList() : tables;
            return new AnnualReportView(year, title, scope, assessed.AsOf, shown, text["Report.Heading", title, scope, clock.Minute(clock.UtcNow)],
                assessed.RowCount);
        });

    /// <summary>What the report's own figures depend on (the assessment's are kept by <see cref="AssessmentQueryService"/>).</summary>
    private sealed record CountedKey(int Year, string? Scope, DateOnly Today);

    private sealed record ReportGroup(Category Category, Audience Audience, Channel Channels, int All, int InCatalogue, int Out, int Revised);

    private sealed record ReportInspection(int Id, int OrganizationId, InspectionFinding ContentComplete, InspectionFinding FormEffective,
        InspectionFinding ProcedureRegular, InspectionFinding Timely, InspectionFinding FeedbackAnswered);

    private sealed record ReportRectification(RectificationState State, DateOnly DueDate, DateTime? DoneAtUtc);

    private sealed record Counted(List<ReportGroup> Groups, Dictionary<int, int> ByOrganization, List<ReportInspection> Inspections,
        List<ReportRectification> Rectifications);

    /// <summary>The year's grouped reads of disclosures, inspections and rectifications, kept in <see cref="FiguresCache"/>: shared by
    /// every reader of the same scope, so nobody's cancellation stops them.</summary>
    private async Task<Counted> CountAsync(AssessmentPeriod period, IReadOnlyList<int>? only)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (startUtc, endUtc) = (clock.StartOfDayUtc(period.Start), clock.StartOfDayUtc(period.End.AddDays(1)));
        var published = db.Disclosures.AsNoTracking()
            .Where(d => d.PublishedAtUtc >= startUtc && d.PublishedAtUtc < endUtc)
            .Where(d => only == null || only.Contains(d.OrganizationId));
        // One pass for category, audience and channels together (at most 8 × 3 × 15 groups), one for organizations.
        var groups = await published
            .GroupBy(d => new { d.Category, d.Audience, d.Channels })
            .Select(g => new ReportGroup(g.Key.Category, g.Key.Audience, g.Key.Channels, g.Count(),
                g.AsQueryable().Count(DisclosureRules.InCatalogue), g.AsQueryable().Count(DisclosureRules.OriginalOutOfCatalogue),
                g.Count(d => d.RevisesDisclosureId != null)))
            .ToListAsync(cancellationToken);
        var byOrganization = await published.GroupBy(d => d.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, cancellationToken);

        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => i.Date >= period.Start && i.Date <= period.End)
            .Where(i => only == null || only.Contains(i.OrganizationId))
            .Select(i => new ReportInspection(i.Id, i.OrganizationId, i.ContentComplete, i.FormEffective, i.ProcedureRegular, i.Timely, i.FeedbackAnswered))
            .ToListAsync(cancellationToken);
        var inspectionIds = inspections.Select(i => i.Id).ToList();
        var rectifications = await db.Rectifications.AsNoTracking()
            .Where(r => inspectionIds.Contains(r.InspectionId))
            .Select(r => new ReportRectification(r.State, r.DueDate, r.DoneAtUtc))
            .ToListAsync(cancellationToken);
        return new Counted(groups, byOrganization, inspections, rectifications);
    }

    private static ReportLine Line(string label, params double?[] values) => new(label, values);

    private ReportLine Total(params double?[] values) => new(text["Total"], values, IsTotal: true);

    private ReportLine Findings(string criterion, IEnumerable<InspectionFinding> findings)
    {
        var list = findings.ToList();
        return Line(text[$"Criterion.{criterion}"], Enum.GetValues<InspectionFinding>().Select(f => (double?)list.Count(x => x == f)).ToArray());
    }
}
