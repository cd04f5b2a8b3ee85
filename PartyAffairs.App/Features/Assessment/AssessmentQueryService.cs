using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// Counts, per organization and period, how the catalogue was kept and feedback answered (§6(四)), from the records
/// alone; <see cref="AssessmentRules"/> says what each figure counts, and every figure lists its records through
/// <see cref="ItemsAsync"/>. The Office and Leaders assess every organization, a Secretary their own; nobody else.
/// Everything is counted by the database (GROUP BY): feedback carries the facts recorded at its steps (answer deadline,
/// working days to handle), so no working-day arithmetic is redone here; the median reads one count per organization and day.
/// Mailbox feedback counts with the rest (and by kind), under the organization it was filed under; boards posted count per quarter.
/// </summary>
public sealed class AssessmentQueryService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    EnumLabels labels,
    Outcomes outcomes,
    FiguresCache figures,
    IStringLocalizer<AssessmentStrings> text)
{
    /// <summary>A drill-down lists at most this many records; the figure itself is always exact.</summary>
    public const int MaxItems = 1000;

    /// <summary>The most organizations one page of the assessment may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Every organization's row, for the annual report and its workbook.</summary>
    public Task<Result<AssessmentView>> GetAsync(AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        GetAsync(period, new AssessmentPaging(0, int.MaxValue), cancellationToken);

    /// <summary>
    /// One page of the rows, in the order <paramref name="paging"/> asks for, and the total of all of them: the page at a city of
    /// two thousand organizations. The counting is the same grouped reads either way (bounded by organizations × months × states,
    /// not by records), kept in <see cref="FiguresCache"/> per period, scope and day; only the rows handed back are sorted and cut here.
    /// </summary>
    public Task<Result<AssessmentView>> GetAsync(AssessmentPeriod period, AssessmentPaging paging, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var (_, only) = await ScopeAsync(period, null, cancellationToken);
            var today = clock.Today;
            var counted = await figures.GetAsync(new CountedKey(period, only is null ? null : string.Join(",", only.Order()), today),
                () => CountAsync(period, only, today), cancellationToken);
            var size = paging.PageSize == int.MaxValue ? int.MaxValue : Math.Clamp(paging.PageSize, 1, MaxPageSize);
            var rows = AssessmentPaging.Sorted(counted.Rows, paging.SortBy)
                .Skip(size == int.MaxValue ? 0 : Math.Max(0, paging.Page) * size).Take(size).ToList();
            // The total's name is the reader's language; the kept figures are shared by readers of every language.
            return new AssessmentView(period, today, rows, counted.Total with { OrganizationName = text["Total"] }, counted.Trend, counted.Rows.Count);
        });

    /// <summary>What the assessment's figures depend on: the period, whose organizations (null: the bureau's), and the day they are judged on.</summary>
    private sealed record CountedKey(AssessmentPeriod Period, string? Scope, DateOnly Today);

    /// <summary>Every organization's row in the bureau's order, their total (unnamed) and the year's trend.</summary>
    private sealed record Counted(IReadOnlyList<AssessmentRow> Rows, AssessmentRow Total, IReadOnlyList<AssessmentTrendPoint> Trend);

    /// <summary>The grouped reads behind <see cref="GetAsync(AssessmentPeriod, AssessmentPaging, CancellationToken)"/>, shared by its
    /// readers: nobody's cancellation stops it.</summary>
    private async Task<Counted> CountAsync(AssessmentPeriod period, IReadOnlyList<int>? only, DateOnly today)
    {
        var cancellationToken = CancellationToken.None;
        // The three large groupings each read on their own connection and thread (SQLite's reads run synchronously):
        // at a city's two million feedback entries, one after the other they took longer than the view may.
        var yearRead = ReadAsync(db => Facts(db, new DateOnly(period.Year, 1, 1), new DateOnly(period.Year, 12, 31), only, today)
            .GroupBy(f => new { f.OrganizationId, f.Month, f.Status })
            .Select(g => new { g.Key.OrganizationId, g.Key.Month, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken), cancellationToken);
        var disclosuresRead = ReadAsync(db => PublishedIn(db, period, only)
            .GroupBy(d => d.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                OutOfCatalogue = g.AsQueryable().Count(DisclosureRules.OriginalOutOfCatalogue),
                Redisclosures = g.Count(d => d.RevisesDisclosureId != null),
            })
            .ToDictionaryAsync(g => g.OrganizationId, cancellationToken), cancellationToken);
        // One pass, grouped also by the working days it took to handle (null: not handled): the counts add up per
        // organization, and how many took each number of days gives exact medians, a few rows per organization.
        // Grouped by plain columns and limited to known organizations, so that SQLite reads the groups in the order of the
        // index (OrganizationId, IsAbusive, WorkingDaysToHandle, ReceivedAtUtc, …) instead of sorting a year's feedback.
        var feedbackRead = ReadAsync(db => FeedbackIn(db, period, only)
            .Where(f => db.Organizations.Select(o => o.Id).Contains(f.OrganizationId))
            .GroupBy(f => new { f.OrganizationId, f.IsAbusive, f.RecordedWorkingDays })
            .Select(g => new
            {
                g.Key.OrganizationId,
                Days = g.Key.IsAbusive ? null : g.Key.RecordedWorkingDays,
                Count = g.Count(),
                Received = g.Count(f => !f.IsAbusive),
                Abusive = g.Count(f => f.IsAbusive),
                AnsweredInTime = g.Count(f => f.AnsweredInTime),
                ResultsDisclosed = g.Count(f => f.ResultDisclosed),
                Suggestions = g.AsQueryable().Count(AssessmentRules.MailboxOfKind(FeedbackKind.Suggestion)),
                Undisclosed = g.AsQueryable().Count(AssessmentRules.MailboxOfKind(FeedbackKind.Undisclosed)),
                Other = g.AsQueryable().Count(AssessmentRules.MailboxOfKind(FeedbackKind.Other)),
            })
            .ToListAsync(cancellationToken), cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = await OrganizationOptions.ListAsync(db, only, cancellationToken);
        var open = await OpenRectifications(db, period, only, today)
            .GroupBy(r => r.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Count, cancellationToken);
        // A few postings per organization and quarter: read by day, put into quarters here.
        var postingsOf = (await PostingsIn(db, period, only)
                .GroupBy(p => new { p.OrganizationId, p.PostedOn })
                .Select(g => new { g.Key.OrganizationId, g.Key.PostedOn, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.OrganizationId, p => (Quarter: BoardPostingRules.QuarterOf(p.PostedOn), p.Count));
        var gaps = (await StandingGapsAsync(db, period, only, today, cancellationToken))
            .GroupBy(g => g.OrganizationId).ToDictionary(g => g.Key, g => g.Sum(l => l.GapDays));
        await Task.WhenAll(yearRead, disclosuresRead, feedbackRead);
        var (year, disclosures, feedback) = (yearRead.Result, disclosuresRead.Result, feedbackRead.Result);

        // Months, quarters and years are whole months: one pass over the year gives the period's counts and the trend.
        var (firstMonth, lastMonth) = (period.Start.Month, period.End.Month);
        var occurrences = year.Where(o => o.Month >= firstMonth && o.Month <= lastMonth).ToList();

        // Grouped once by organization: filtering every list for each of a city's two thousand organizations was quadratic.
        var occurrencesOf = occurrences.ToLookup(o => o.OrganizationId);
        var feedbackOf = feedback.ToLookup(f => f.OrganizationId);

        AssessmentRow RowOf(int id, string name, IReadOnlyCollection<int> organizationIds)
        {
            var theirs = organizationIds.SelectMany(o => occurrencesOf[o]).ToList();
            int Occurrences(OccurrenceStatus status) => theirs.Where(o => o.Status == status).Sum(o => o.Count);
            var published = organizationIds.Where(disclosures.ContainsKey).Select(o => disclosures[o]).ToList();
            var received = organizationIds.SelectMany(o => feedbackOf[o]).ToList();
            var (onTime, late, missed) = (Occurrences(OccurrenceStatus.FulfilledOnTime), Occurrences(OccurrenceStatus.FulfilledLate), Occurrences(OccurrenceStatus.Overdue));
            var handled = received.Where(f => f.Days is not null).Select(f => (Value: f.Days!.Value, f.Count)).ToList();
            return new AssessmentRow(id, name, onTime + late + missed, onTime, late, missed,
                published.Sum(d => d.OutOfCatalogue), published.Sum(d => d.Redisclosures),
                received.Sum(f => f.Received), received.Sum(f => f.Abusive), received.Sum(f => f.AnsweredInTime), received.Sum(f => f.ResultsDisclosed),
                handled.Sum(f => f.Count), AssessmentRules.Median(handled), organizationIds.Sum(o => open.GetValueOrDefault(o)),
                organizationIds.Sum(o => gaps.GetValueOrDefault(o)),
                received.Sum(f => f.Suggestions), received.Sum(f => f.Undisclosed), received.Sum(f => f.Other),
                QuarterCounts.Of(organizationIds.SelectMany(o => postingsOf[o])));
        }

        var rows = organizations.Select(o => RowOf(o.Id, o.Name, [o.Id])).ToList();
        var total = RowOf(0, "", organizations.Select(o => o.Id).Distinct().ToList());
        var months = Enumerable.Range(1, 12).Select(m => new AssessmentTrendPoint(m,
            year.Where(t => t.Month == m && t.Status == OccurrenceStatus.FulfilledOnTime).Sum(t => t.Count),
            year.Where(t => t.Month == m && t.Status == OccurrenceStatus.FulfilledLate).Sum(t => t.Count),
            year.Where(t => t.Month == m && t.Status == OccurrenceStatus.Overdue).Sum(t => t.Count))).ToList();
        return new Counted(rows, total, months);
    }

    /// <summary>The records behind one figure, of one organization or (null) of every organization the reader assesses.</summary>
    public Task<Result<IReadOnlyList<AssessmentItem>>> ItemsAsync(AssessmentPeriod period, int? organizationId, AssessmentMeasure measure,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<AssessmentItem>>(async () =>
        {
            var (actor, only) = await ScopeAsync(period, organizationId, cancellationToken);
            IReadOnlyList<int>? scope = organizationId is { } one ? [one] : only;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var today = clock.Today;
            switch (measure)
            {
                case AssessmentMeasure.Due or AssessmentMeasure.OnTime or AssessmentMeasure.Late or AssessmentMeasure.Missed:
                    var statuses = AssessmentRules.StatusesOf(measure);
                    var ids = Facts(db, period.Start, period.End, scope, today).Where(f => statuses.Contains(f.Status)).Select(f => f.Id);
                    var occurrences = await db.CatalogueOccurrences.AsNoTracking()
                        .Where(o => ids.Contains(o.Id))
                        .OrderBy(o => o.DueDate).ThenBy(o => o.Id)
                        .Take(MaxItems)
                        .Select(o => new { o.CatalogueItem!.Title, o.Label, Organization = o.CatalogueItem.Organization!.Name, o.DueDate, o.FulfilledAtUtc, o.DisclosureId })
                        .ToListAsync(cancellationToken);
                    return occurrences.Select(o => new AssessmentItem(o.Title + CultureText.Parenthesized(labels.Period(o.Label)), o.Organization,
                        o.FulfilledAtUtc is { } at
                            ? text["Item.Published", o.DueDate.Day(), DateOnly.FromDateTime(clock.ToLocal(at)).Day()]
                            : text["Item.Open", o.DueDate.Day()],
                        o.DisclosureId is { } id ? AppRoutes.Disclosure(id) : AppRoutes.Schedule)).ToList();

                case AssessmentMeasure.OutOfCatalogue or AssessmentMeasure.Redisclosures:
                    var published = PublishedIn(db, period, scope).Where(AccessPolicy.Sees(actor));
                    published = measure == AssessmentMeasure.OutOfCatalogue
                        ? published.Where(DisclosureRules.OriginalOutOfCatalogue)
                        : published.Where(d => d.RevisesDisclosureId != null);
                    var disclosures = await published
                        .OrderBy(d => d.PublishedAtUtc).ThenBy(d => d.Id)
                        .Take(MaxItems)
                        .Select(d => new { d.Id, d.Title, Organization = d.Organization!.Name, d.PublishedAtUtc, d.State })
                        .ToListAsync(cancellationToken);
                    return disclosures.Select(d => new AssessmentItem(d.Title, d.Organization,
                        text["Item.PublishedOn", DateOnly.FromDateTime(clock.ToLocal(d.PublishedAtUtc!.Value)).Day(), labels.Of(d.State)],
                        AppRoutes.Disclosure(d.Id))).ToList();

                case AssessmentMeasure.RectificationsOpen:
                    var rectifications = await OpenRectifications(db, period, scope, today)
                        .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                        .Take(MaxItems)
                        .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r.What, Organization = o.Name, r.OwnerName, r.DueDate })
                        .ToListAsync(cancellationToken);
                    return rectifications.Select(r => new AssessmentItem(r.What, r.Organization,
                        text["Item.Rectification", r.OwnerName, r.DueDate.Day()], AppRoutes.Inspections)).ToList();

                case AssessmentMeasure.StandingGapDays:
                    var lines = await StandingGapsAsync(db, period, scope, today, cancellationToken);
                    return lines.Where(l => l.GapDays > 0).OrderByDescending(l => l.GapDays).ThenBy(l => l.OccurrenceId).Take(MaxItems)
                        .Select(l => new AssessmentItem(l.Title, l.OrganizationName, text["Item.StandingGap", l.GapDays, l.DueDate.Day()], AppRoutes.Schedule))
                        .ToList();

                case AssessmentMeasure.BoardPostings:
                    var postings = await PostingsIn(db, period, scope)
                        .OrderBy(p => p.PostedOn).ThenBy(p => p.Id)
                        .Take(MaxItems)
                        .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Location, Organization = o.Name, p.PostedOn, Items = p.Items.Count })
                        .ToListAsync(cancellationToken);
                    return postings.Select(p => new AssessmentItem(p.Location, p.Organization, text["Item.Posting", p.PostedOn.Day(), p.Items],
                        BoardPostings.PostingRoutes.Page)).ToList();

                default:
                    return await FeedbackItemsAsync(db, actor, period, scope, measure, cancellationToken);
            }
        });

    private async Task<IReadOnlyList<AssessmentItem>> FeedbackItemsAsync(AppDbContext db, Actor actor, AssessmentPeriod period, IReadOnlyList<int>? scope,
        AssessmentMeasure measure, CancellationToken cancellationToken)
    {
        var facts = FeedbackIn(db, period, scope);
        facts = measure switch
        {
            AssessmentMeasure.FeedbackReceived => facts.Where(f => !f.IsAbusive),
            AssessmentMeasure.FeedbackAbusive => facts.Where(f => f.IsAbusive),
            AssessmentMeasure.AnsweredInTime => facts.Where(f => f.AnsweredInTime),
            AssessmentMeasure.ResultsDisclosed => facts.Where(f => f.ResultDisclosed),
            AssessmentMeasure.MailboxSuggestions or AssessmentMeasure.MailboxUndisclosed or AssessmentMeasure.MailboxOther =>
                facts.Where(AssessmentRules.MailboxOfKind(AssessmentRules.KindOf(measure)!.Value)),
            _ => facts.Where(f => f.WorkingDaysToHandle != null),
        };
        var chosen = await facts.OrderBy(f => f.ReceivedAtUtc).ThenBy(f => f.Id).Take(MaxItems).ToListAsync(cancellationToken);
        var disclosureIds = chosen.Where(f => f.DisclosureId != null).Select(f => f.DisclosureId!.Value).Distinct().ToList();
        var titles = await db.Disclosures.AsNoTracking()
            .Where(AccessPolicy.Sees(actor))
            .Where(d => disclosureIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, Organization = d.Organization!.Name })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        // Mailbox feedback is about no one item: it is listed under the mailbox and its kind.
        return chosen.Where(f => f.DisclosureId is null || titles.ContainsKey(f.DisclosureId.Value)).Select(f =>
        {
            var received = DateOnly.FromDateTime(clock.ToLocal(f.ReceivedAtUtc)).Day();
            var detail = f.WorkingDaysToHandle is { } days
                ? text["Item.FeedbackHandled", received, labels.Of(f.State), days]
                : text["Item.Feedback", received, labels.Of(f.State)];
            return f.DisclosureId is { } id
                ? new AssessmentItem(titles[id].Title, titles[id].Organization, detail, AppRoutes.Feedback)
                : new AssessmentItem($"{FeedbackHandling.FeedbackText.MailboxTitle} · {labels.Of(f.Kind ?? FeedbackKind.Other)}", "", detail, AppRoutes.Feedback);
        }).ToList();
    }

    /// <summary>Runs one read on its own context and on the thread pool, so that reads started together run together.</summary>
    private Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await read(db);
    }, cancellationToken);

    /// <summary>Checks who may assess; returns the actor and the organizations a Secretary is limited to (null: the whole bureau).</summary>
    private async Task<(Actor Actor, IReadOnlyList<int>? Only)> ScopeAsync(AssessmentPeriod period, int? organizationId, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(AssessmentRules.CanAssess(actor));
        if (!period.IsValid) throw new NotFoundException();
        var only = AssessmentRules.ScopeOf(actor);
        AccessPolicy.Ensure(only is null || organizationId is not { } asked || only.Contains(asked), "Access.NotYourOrganization");
        return (actor, only);
    }

    /// <summary>The catalogue occurrences due between the two days that count (see <see cref="AssessmentRules"/>), as facts.</summary>
    private IQueryable<OccurrenceFact> Facts(AppDbContext db, DateOnly from, DateOnly to, IReadOnlyList<int>? only, DateOnly today)
    {
        // Only an approved plan binds: a catalogue still in draft or under review sets no due dates.
        var plans = db.Catalogues.Where(c => c.State == CatalogueState.Approved || c.State == CatalogueState.InForce).Select(c => c.Id);
        return db.CatalogueOccurrences.AsNoTracking()
            .Where(o => plans.Contains(o.CatalogueItem!.CatalogueId) && o.DueDate >= from && o.DueDate <= to)
            .Where(o => only == null || only.Contains(o.CatalogueItem!.OrganizationId))
            .Where(AssessmentRules.Counted(today))
            .Select(AssessmentRules.Facts(today, clock.Zone.GetUtcOffset(clock.UtcNow)));
    }

    private sealed record StandingGap(int OccurrenceId, int OrganizationId, string Title, string OrganizationName, DateOnly DueDate, int GapDays);

    /// <summary>
    /// The gap days of each standing line in the period: a small bounded read (a few standing lines per organization and year,
    /// a few published items each), counted by <see cref="StandingRules.GapDays"/> in the bureau's zone.
    /// </summary>
    private async Task<IReadOnlyList<StandingGap>> StandingGapsAsync(AppDbContext db, AssessmentPeriod period, IReadOnlyList<int>? only, DateOnly today,
        CancellationToken cancellationToken)
    {
        var to = period.End < today ? period.End : today;
        var plans = db.Catalogues.Where(c => c.State == CatalogueState.Approved || c.State == CatalogueState.InForce).Select(c => c.Id);
        var lines = db.CatalogueOccurrences.AsNoTracking()
            .Where(o => o.CatalogueItem!.Standing && !o.CatalogueItem.IsRetired && o.State != OccurrenceState.Cancelled
                && plans.Contains(o.CatalogueItem.CatalogueId)
                && o.PeriodEnd >= period.Start && o.PeriodStart <= to && o.DueDate < to)
            .Where(o => only == null || only.Contains(o.CatalogueItem!.OrganizationId));
        var occurrences = await lines
            .Select(o => new { o.Id, o.CatalogueItem!.OrganizationId, o.CatalogueItem.Title, Organization = o.CatalogueItem.Organization!.Name, o.DueDate, o.PeriodStart, o.PeriodEnd })
            .ToListAsync(cancellationToken);
        if (occurrences.Count == 0) return [];
        var ids = lines.Select(o => (int?)o.Id);
        var displays = (await db.Disclosures.AsNoTracking()
                .Where(d => d.PublishedAtUtc != null && ids.Contains(d.CatalogueOccurrenceId))
                .Select(d => new { d.CatalogueOccurrenceId, d.State, d.PublishedAtUtc, d.ClosedAtUtc, d.WithdrawnAtUtc, d.DisplayUntilUtc })
                .ToListAsync(cancellationToken))
            .Select(d => (d.CatalogueOccurrenceId, Shown: StandingRules.Displayed(d.State, d.PublishedAtUtc, d.ClosedAtUtc, d.WithdrawnAtUtc, d.DisplayUntilUtc)))
            .Where(d => d.Shown is not null)
            .ToLookup(d => d.CatalogueOccurrenceId!.Value, d => d.Shown!.Value);
        return occurrences.Select(o => new StandingGap(o.Id, o.OrganizationId, o.Title, o.Organization, o.DueDate,
            StandingRules.CountGapDays(o.DueDate, o.PeriodStart > period.Start ? o.PeriodStart : period.Start, o.PeriodEnd < to ? o.PeriodEnd : to,
                clock.Zone, displays[o.Id]))).ToList();
    }

    private IQueryable<Disclosure> PublishedIn(AppDbContext db, AssessmentPeriod period, IReadOnlyList<int>? only)
    {
        var (startUtc, endUtc) = (clock.StartOfDayUtc(period.Start), clock.StartOfDayUtc(period.End.AddDays(1)));
        return db.Disclosures.AsNoTracking()
            .Where(d => d.PublishedAtUtc >= startUtc && d.PublishedAtUtc < endUtc)
            .Where(d => only == null || only.Contains(d.OrganizationId));
    }

    private IQueryable<Rectification> OpenRectifications(AppDbContext db, AssessmentPeriod period, IReadOnlyList<int>? only, DateOnly today)
    {
        var asOf = period.End < today ? period.End : today;
        var asOfEndUtc = clock.StartOfDayUtc(asOf.AddDays(1));
        return db.Rectifications.AsNoTracking()
            .Where(r => db.Inspections.Any(i => i.Id == r.InspectionId && i.Date <= asOf))
            .Where(r => r.DoneAtUtc == null || r.DoneAtUtc >= asOfEndUtc)
            .Where(r => only == null || only.Contains(r.OrganizationId));
    }

    /// <summary>The board postings the assessment counts in the period (<see cref="BoardPostingRules.CountedBetween"/>).</summary>
    private static IQueryable<BoardPosting> PostingsIn(AppDbContext db, AssessmentPeriod period, IReadOnlyList<int>? only) =>
        db.BoardPostings.AsNoTracking()
            .Where(BoardPostingRules.CountedBetween(period.Start, period.End))
            .Where(p => only == null || only.Contains(p.OrganizationId));

    /// <summary>The feedback received in the period, as facts.</summary>
    private IQueryable<FeedbackFact> FeedbackIn(AppDbContext db, AssessmentPeriod period, IReadOnlyList<int>? only)
    {
        var (startUtc, endUtc) = (clock.StartOfDayUtc(period.Start), clock.StartOfDayUtc(period.End.AddDays(1)));
        return db.Feedback.AsNoTracking()
            .Where(f => f.ReceivedAtUtc >= startUtc && f.ReceivedAtUtc < endUtc)
            .Where(f => only == null || only.Contains(f.OrganizationId))
            .Select(AssessmentRules.FeedbackFacts);
    }
}
