using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>
/// Inspections (检查, §6(四)) and the rectifications that follow them. The Office records inspections; a rectification is
/// closed by its owner or the Office. The Office and Leaders read every inspection; a Secretary those of their
/// organization; anyone else only those holding a rectification they own.
/// </summary>
public sealed class InspectionService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IValidator<RecordInspectionRequest> recordValidator,
    IValidator<CompleteRectificationRequest> completeValidator,
    IValidator<AddRectificationRequest> addValidator,
    IStringLocalizer<AssessmentStrings> text)
{
    public const int DashboardSize = 10;
    public const int DefaultPageSize = 20;

    /// <summary>The most inspections one page may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of the inspections, newest first. Given <paramref name="rectificationId"/> (a reminder's link), the page is the one
    /// holding its inspection, whatever <paramref name="page"/> says.
    /// </summary>
    public Task<Result<InspectionListView>> ListAsync(int page = 0, int pageSize = DefaultPageSize, int? rectificationId = null,
        CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Inspections.AsNoTracking();
            if (!actor.SeesWholeBureau)
            {
                // A Secretary sees her organizations' inspections; anyone else those that gave her a rectification to carry out.
                var secretaryOf = actor.OrganizationsWhere(Roles.Secretary);
                var me = actor.UserId;
                query = query.Where(i => secretaryOf.Contains(i.OrganizationId) || i.Rectifications.Any(r => r.OwnerId == me));
                AccessPolicy.Ensure(secretaryOf.Count > 0 || await query.AnyAsync(cancellationToken));
            }
            var total = await query.CountAsync(cancellationToken);
            var size = Math.Clamp(pageSize, 1, MaxPageSize);
            page = Math.Max(0, page);
            if (rectificationId is { } focus
                && await query.Where(i => i.Rectifications.Any(r => r.Id == focus)).Select(i => new { i.Id, i.Date }).FirstOrDefaultAsync(cancellationToken)
                    is { } held)
                page = await query.CountAsync(i => i.Date > held.Date || (i.Date == held.Date && i.Id > held.Id), cancellationToken) / size;
            var today = clock.Today;
            var inspections = await query
                .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
                .Skip(page * size).Take(size)
                .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { Inspection = i, OrganizationName = o.Name })
                .ToListAsync(cancellationToken);
            var ids = inspections.Select(i => i.Inspection.Id).ToList();
            var rectifications = await db.Rectifications.AsNoTracking()
                .Where(r => ids.Contains(r.InspectionId))
                .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken);
            var rows = inspections.Select(x =>
            {
                var i = x.Inspection;
                var items = rectifications.Where(r => r.InspectionId == i.Id)
                    .Select(r => new RectificationRow(r.Id, r.Version, r.What, r.OwnerName, r.DueDate, r.State, r.Outcome, r.DoneAtUtc,
                        r.IsOverdue(today), r.State == RectificationState.Open && CanComplete(actor, r)))
                    .ToList();
                return new InspectionRow(i.Id, i.OrganizationId, x.OrganizationName, i.Date, i.Inspectors, i.ContentComplete, i.FormEffective,
                    i.ProcedureRegular, i.Timely, i.FeedbackAnswered, i.Notes, items);
            }).ToList();
            var canRecord = AccessPolicy.CanInspect(actor);
            var organizations = canRecord ? OrganizationScope.All : OrganizationScope.None;
            return new InspectionListView(rows, canRecord, organizations, total, page, size);
        });

    /// <summary>The people of an organization who may own its rectifications; for the Office, who records them.</summary>
    public Task<Result<IReadOnlyList<OwnerOption>>> OwnersAsync(int organizationId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<OwnerOption>>(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanInspect(actor));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var members = PostHolders.In(db, organizationId);
            return await db.Users.AsNoTracking()
                .Where(u => members.Contains(u.Id))
                .OrderBy(u => u.DisplayName)
                .Select(u => new OwnerOption(u.Id, u.DisplayName))
                .ToListAsync(cancellationToken);
        });

    public Task<Result<int>> RecordAsync(RecordInspectionRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanInspect(actor));
            await Outcomes.ValidateAsync(recordValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId && o.IsActive, cancellationToken)) throw new NotFoundException();

            var ownerIds = request.Rectifications.Select(r => r.OwnerId).Distinct().ToList();
            var members = PostHolders.In(db, request.OrganizationId);
            var owners = await db.Users.AsNoTracking()
                .Where(u => ownerIds.Contains(u.Id) && members.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            // The owner answers for the organization's disclosure work, so they must belong to it.
            var strangers = request.Rectifications.Select((r, index) => (r, index)).Where(x => !owners.ContainsKey(x.r.OwnerId)).ToList();
            if (strangers.Count > 0)
            {
                throw new ValidationException(strangers.Select(x =>
                    new ValidationFailure($"{nameof(request.Rectifications)}[{x.index}].{nameof(RectificationRequest.OwnerId)}", text["Rectification.OwnerNotInOrganization"])));
            }

            var inspection = new Inspection(request.OrganizationId, DateOnly.FromDateTime(request.Date!.Value), request.Inspectors,
                request.ContentComplete, request.FormEffective, request.ProcedureRegular, request.Timely, request.FeedbackAnswered,
                string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(), actor, clock.UtcNow);
            inspection.Rectifications.AddRange(request.Rectifications.Select(r =>
                new Rectification(request.OrganizationId, r.What, r.OwnerId, owners[r.OwnerId], DateOnly.FromDateTime(r.DueDate!.Value))));
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync(cancellationToken);
            return inspection.Id;
        });

    /// <summary>The Office adds a rectification item to an inspection already recorded; its owner must belong to the inspected organization.</summary>
    public Task<Result<int>> AddRectificationAsync(AddRectificationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.CanInspect(actor));
            await Outcomes.ValidateAsync(addValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == request.InspectionId, cancellationToken)
                ?? throw new NotFoundException();
            var members = PostHolders.In(db, inspection.OrganizationId);
            var owner = await db.Users.AsNoTracking()
                .Where(u => u.Id == request.OwnerId && members.Contains(u.Id))
                .Select(u => u.DisplayName)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(request.OwnerId), text["Rectification.OwnerNotInOrganization"])]);
            var rectification = inspection.AddRectification(request.What, request.OwnerId, owner, DateOnly.FromDateTime(request.DueDate!.Value), actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            return rectification.Id;
        });

    /// <summary>The owner, or the Office, closes a rectification with a note of what was done.</summary>
    public Task<Result> CompleteAsync(CompleteRectificationRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rectification = await db.Rectifications.FirstOrDefaultAsync(r => r.Id == request.RectificationId, cancellationToken)
                ?? throw new NotFoundException();
            AccessPolicy.Ensure(CanComplete(actor, rectification));
            await Outcomes.ValidateAsync(completeValidator, request, cancellationToken);
            rectification.EnsureVersion(request.Version);
            rectification.Complete(actor, clock.UtcNow, request.Outcome);
            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>Open rectifications past their due date, oldest first, for the dashboard of the Office and Leaders.</summary>
    public Task<Result<CappedList<OverdueRectificationRow>>> OverdueAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(actor.SeesWholeBureau);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await OverdueQueryAsync(db, clock.Today, cancellationToken);
        });

    /// <summary>The bureau's open rectifications past their due date, first due first (the dashboard reads it once for everyone).</summary>
    public static async Task<CappedList<OverdueRectificationRow>> OverdueQueryAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var overdue = db.Rectifications.AsNoTracking().Where(RectificationRules.OverdueOn(today));
        var total = await overdue.CountAsync(cancellationToken);
        var items = await overdue
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Take(DashboardSize)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new OverdueRectificationRow(r.Id, r.What, o.Name, r.OwnerName, r.DueDate))
            .ToListAsync(cancellationToken);
        return new CappedList<OverdueRectificationRow>(total, new(items));
    }

    private static bool CanComplete(Actor actor, Rectification rectification) =>
        AccessPolicy.CanInspect(actor) || rectification.OwnerId == actor.UserId;
}
