using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// Applications for disclosure (依申请公开) per organization and period, for the assessment page and the annual report:
/// who may read them is who may assess (<see cref="AssessmentRules"/>). The database picks the applications the period
/// touches (<see cref="ApplicationCounting.Touches"/>: a bureau's year is tens of them, a city's a few thousand);
/// <see cref="ApplicationCounting"/> sorts them into figures, so the page, the report and their tests count alike.
/// </summary>
public sealed class ApplicationAssessmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IStringLocalizer<AssessmentStrings> text)
{
    public Task<Result<ApplicationAssessmentView>> GetAsync(AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        GetAsync(period, null, cancellationToken);

    /// <summary>
    /// The rows of <paramref name="page"/> only (the organizations on the assessment's page, in its order; null: all of them), with
    /// the total of all: the assessment page at a city. A page's view carries no <see cref="ApplicationAssessmentView.Facts"/>.
    /// </summary>
    public Task<Result<ApplicationAssessmentView>> GetAsync(AssessmentPeriod period, IReadOnlyList<int>? page, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AssessmentRules.CanAssess(actor));
            if (!period.IsValid) throw new NotFoundException();
            var only = AssessmentRules.ScopeOf(actor);
            var window = WindowOf(period);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var organizations = await OrganizationOptions.ListAsync(db, only, cancellationToken);
            var ids = organizations.Select(o => o.Id).ToList();
            var facts = await db.Applications.AsNoTracking()
                .Where(ApplicationCounting.Touches(window))
                .Where(a => ids.Contains(a.OrganizationId))
                .OrderBy(a => a.Id)
                .Select(ApplicationCounting.Facts)
                .ToListAsync(cancellationToken);
            var byOrganization = facts.ToLookup(f => f.OrganizationId);
            var shown = page is null ? organizations : page.Join(organizations, id => id, o => o.Id, (_, o) => o).ToList();
            var rows = shown.Select(o => ApplicationAssessmentRow.Of(o.Id, o.Name, byOrganization[o.Id], window)).ToList();
            return new ApplicationAssessmentView(period, window.AsOf, window, rows, ApplicationAssessmentRow.Of(0, text["Total"], facts, window),
                page is null ? facts : []);
        });

    /// <summary>The period's bureau days as instants; judged on its last day, or today if that comes first.</summary>
    public ApplicationWindow WindowOf(AssessmentPeriod period)
    {
        var today = clock.Today;
        var asOf = period.End < today ? period.End : today;
        return new ApplicationWindow(clock.StartOfDayUtc(period.Start), clock.StartOfDayUtc(period.End.AddDays(1)), asOf, clock.StartOfDayUtc(asOf.AddDays(1)));
    }
}
