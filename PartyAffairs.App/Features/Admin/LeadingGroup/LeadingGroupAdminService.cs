using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.LeadingGroup;

/// <summary>
/// The Admin's and the Office's work on the leading group and its office (§6(一)): add a seat, correct one that lasts, end one.
/// Seats are never deleted: ending one keeps it as history, and a reshuffle is old seats ended and new ones added. Linking an
/// account grants no role: the page only suggests the role a seat calls for. Every call checks the person's roles first.
/// </summary>
public sealed class LeadingGroupAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IValidator<SeatRequest> seatValidator,
    IValidator<EndSeatRequest> endValidator,
    IStringLocalizer<AdminStrings> text,
    ILogger<LeadingGroupAdminService> logger)
{
    public static bool MayEdit(Actor actor) => actor.IsAuthenticated && actor.IsInAnyRole(Roles.Admin, Roles.Office);

    /// <summary>The roles a seat calls for: 组长/副组长 the Leader role, the office's director and deputy the Office role.</summary>
    public static IReadOnlyList<string> SuggestedRoles(LeadingGroupPosition position) => position switch
    {
        LeadingGroupPosition.Leader or LeadingGroupPosition.DeputyLeader => [Roles.Leader],
        LeadingGroupPosition.OfficeDirector or LeadingGroupPosition.OfficeDeputyDirector => [Roles.Office],
        _ => [],
    };

    /// <summary>The seats held today (bureau's day) or, with <paramref name="includePast"/>, every seat ever recorded.</summary>
    public Task<Result<IReadOnlyList<SeatRow>>> ListAsync(bool includePast, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<SeatRow>>(async () =>
        {
            await EnsureMayEditAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var today = clock.Today;
            var seats = db.LeadingGroupMembers.AsNoTracking();
            if (!includePast) seats = seats.Where(LeadingGroupMember.CurrentOn(today));
            var rows = await (
                from m in seats
                join u in db.Users on m.UserId equals u.Id into holders
                from u in holders.DefaultIfEmpty()
                select new { Seat = m, UserName = u == null ? null : u.UserName })
                .ToListAsync(cancellationToken);
            return rows
                .OrderBy(r => r.Seat.Position is LeadingGroupPosition.OfficeDirector or LeadingGroupPosition.OfficeDeputyDirector
                    or LeadingGroupPosition.OfficeMember)
                .ThenBy(r => r.Seat.Position).ThenBy(r => r.Seat.SortOrder).ThenByDescending(r => r.Seat.ValidFrom).ThenBy(r => r.Seat.Id)
                .Select(r => new SeatRow(r.Seat.Id, r.Seat.PersonName, r.Seat.Post, r.Seat.Position, r.Seat.UserId, r.UserName,
                    r.Seat.SortOrder, r.Seat.ValidFrom, r.Seat.ValidUntil, r.Seat.IsCurrentOn(today), r.Seat.Version))
                .ToList();
        });

    /// <summary>The accounts a seat may be linked to (not disabled), with their roles.</summary>
    public Task<Result<IReadOnlyList<AccountOption>>> AccountsAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<AccountOption>>(async () =>
        {
            await EnsureMayEditAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var users = await db.Users.AsNoTracking().Where(u => !u.Disabled)
                .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
            var roles = (await (
                    from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
                .ToLookup(x => x.UserId, x => x.Name!);
            return users
                .Select(u => new AccountOption(u.Id,
                    string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : $"{u.DisplayName}（{u.UserName}）", roles[u.Id].ToList()))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .ToList();
        });

    public Task<Result<int>> CreateAsync(SeatRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureMayEditAsync(cancellationToken);
            await Outcomes.ValidateAsync(seatValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await EnsureAccountAsync(db, request.UserId, cancellationToken);
            var seat = LeadingGroupMember.Create(request.PersonName, request.Post, request.Position, request.UserId, request.SortOrder,
                DateOnly.FromDateTime(request.ValidFrom!.Value), actor, clock.UtcNow);
            db.LeadingGroupMembers.Add(seat);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} added leading-group seat {Id} ({Position})", actor.UserId, seat.Id, seat.Position);
            return seat.Id;
        });

    /// <summary>Corrects a seat that still lasts; <paramref name="version"/> is the one the user saw.</summary>
    public Task<Result> UpdateAsync(int seatId, int version, SeatRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureMayEditAsync(cancellationToken);
            await Outcomes.ValidateAsync(seatValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var seat = await db.LeadingGroupMembers.FindAsync([seatId], cancellationToken) ?? throw new NotFoundException();
            seat.EnsureVersion(version);
            await EnsureAccountAsync(db, request.UserId, cancellationToken);
            seat.Change(request.PersonName, request.Post, request.Position, request.UserId, request.SortOrder,
                DateOnly.FromDateTime(request.ValidFrom!.Value), actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} changed leading-group seat {Id}", actor.UserId, seatId);
        });

    /// <summary>Ends a seat on its last day: it leaves the current composition after that day and stays in the history.</summary>
    public Task<Result> EndAsync(int seatId, int version, EndSeatRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureMayEditAsync(cancellationToken);
            await Outcomes.ValidateAsync(endValidator, request, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var seat = await db.LeadingGroupMembers.FindAsync([seatId], cancellationToken) ?? throw new NotFoundException();
            seat.EnsureVersion(version);
            seat.End(DateOnly.FromDateTime(request.LastDay!.Value), actor, clock.UtcNow, request.Reason);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} ended leading-group seat {Id}", actor.UserId, seatId);
        });

    private async Task<Actor> EnsureMayEditAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(MayEdit(actor));
        return actor;
    }

    private async Task EnsureAccountAsync(AppDbContext db, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId)) return;
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw Invalid.Field(nameof(SeatRequest.UserId), text["Seat.AccountNotFound"]);
        }
    }
}
