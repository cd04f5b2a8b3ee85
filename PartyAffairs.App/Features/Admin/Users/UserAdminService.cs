using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users;

/// <summary>
/// The Admin's work on user accounts: create, change roles and organization, reset a password, unlock, disable.
/// Identity's UserManager is taken from a scope made for each operation (a circuit outlives any sensible
/// context), and the operation runs in one transaction on that scope's context, so a failed step leaves nothing behind.
/// </summary>
public sealed class UserAdminService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    ICurrentUser currentUser,
    BureauClock clock,
    Outcomes outcomes,
    IValidator<NewUserRequest> newUserValidator,
    IValidator<UserAccessRequest> accessValidator,
    IStringLocalizer<AdminStrings> text,
    ILogger<UserAdminService> logger)
{
    /// <summary>Every user, by user name (tests; the page reads a page at a time, <see cref="PageAsync"/>).</summary>
    public async Task<Result<IReadOnlyList<UserRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await PageAsync(new UserQuery(PageSize: int.MaxValue), cancellationToken);
        return all.Value is { } page ? Result<IReadOnlyList<UserRow>>.Ok(page.Rows) : Result<IReadOnlyList<UserRow>>.From(all);
    }

    /// <summary>
    /// One page of the user list, filtered and sorted in SQL: a city's members are tens of thousands, and only the page's users
    /// have their roles and posts read. The Office reads the list it imports into and exports; changing accounts stays the Admin's.
    /// </summary>
    public Task<Result<UserListPage>> PageAsync(UserQuery query, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var reader = await currentUser.GetAsync(cancellationToken);
            AccessPolicy.Ensure(AccessPolicy.IsAdmin(reader) || reader.IsInRole(Roles.Office));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.UtcNow;
            var users =
                from u in db.Users.AsNoTracking()
                join o in db.Organizations on u.OrganizationId equals o.Id into organizations
                from o in organizations.DefaultIfEmpty()
                select new { User = u, OrganizationName = o == null ? null : o.Name };
            foreach (var word in (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Lower case on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
                var pattern = FullTextSearch.LikePattern(word).ToLowerInvariant();
                users = users.Where(x => EF.Functions.Like(x.User.UserName!.ToLower(), pattern, FullTextSearch.LikeEscape)
                    || EF.Functions.Like(x.User.DisplayName.ToLower(), pattern, FullTextSearch.LikeEscape)
                    || (x.OrganizationName != null && EF.Functions.Like(x.OrganizationName.ToLower(), pattern, FullTextSearch.LikeEscape)));
            }
            if (query.Role is { } role)
            {
                var holders = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == role select ur.UserId;
                users = users.Where(x => holders.Contains(x.User.Id));
            }
            if (query.LockedOnly)
            {
                // SQLite cannot compare a DateTimeOffset: the few accounts ever locked are read and judged here.
                var locked = (await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(cancellationToken))
                    .Where(u => u.LockoutEnd!.Value.UtcDateTime > now).Select(u => u.Id).ToList();
                users = users.Where(x => locked.Contains(x.User.Id));
            }
            var total = await users.CountAsync(cancellationToken);
            var descending = query.Descending;
            var ordered = query.SortBy switch
            {
                nameof(UserRow.DisplayName) => descending ? users.OrderByDescending(x => x.User.DisplayName) : users.OrderBy(x => x.User.DisplayName),
                nameof(UserRow.OrganizationName) => descending ? users.OrderByDescending(x => x.OrganizationName) : users.OrderBy(x => x.OrganizationName),
                _ => descending ? users.OrderByDescending(x => x.User.UserName) : users.OrderBy(x => x.User.UserName),
            };
            var size = query.PageSize == int.MaxValue ? int.MaxValue : Math.Clamp(query.PageSize, 1, UserQuery.MaxPageSize);
            var page = await (descending ? ordered.ThenByDescending(x => x.User.Id) : ordered.ThenBy(x => x.User.Id))
                .Skip(size == int.MaxValue ? 0 : Math.Max(0, query.Page) * size).Take(size)
                .Select(x => new
                {
                    x.User.Id, x.User.UserName, x.User.DisplayName, x.User.OrganizationId, x.OrganizationName,
                    x.User.LockoutEnd, x.User.AccessFailedCount, x.User.MustChangePassword, x.User.Disabled,
                })
                .ToListAsync(cancellationToken);
            var ids = page.Select(u => u.Id).ToList();
            var roles = (await (
                    from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    where ids.Contains(ur.UserId)
                    select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
                .ToLookup(x => x.UserId, x => x.Name!);
            var besides = (await db.UserPosts.AsNoTracking()
                    .Where(p => ids.Contains(p.UserId))
                    .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.UserId, p.Id, p.OrganizationId, o.Name, p.Role })
                    .OrderBy(p => p.Id)
                    .ToListAsync(cancellationToken))
                .ToLookup(p => p.UserId, p => new HeldPost(p.OrganizationId, p.Name, p.Role));
            var roleOrder = Roles.All.Select((role, index) => (role, index)).ToDictionary(x => x.role, x => x.index);
            return new UserListPage(page.Select(u => new UserRow(
                    u.Id, u.UserName ?? "", u.DisplayName, u.OrganizationId, u.OrganizationName,
                    roles[u.Id].OrderBy(r => roleOrder.GetValueOrDefault(r, int.MaxValue)).ToList(),
                    u.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : null,
                    u.AccessFailedCount, u.MustChangePassword, u.Disabled, besides[u.Id].ToList()))
                .ToList(), total);
        });

    /// <summary>Creates the user with a generated password they must change at first sign-in; returns that password, to be shown once.</summary>
    public Task<Result<string>> CreateAsync(NewUserRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(newUserValidator, request, cancellationToken);
            await using var scope = scopeFactory.CreateAsyncScope();
            var (db, users) = Identity(scope);
            var userName = request.UserName.Trim();
            if (await users.FindByNameAsync(userName) is not null)
            {
                throw Invalid.Field(nameof(request.UserName), text["User.NameTaken", userName]);
            }
            await EnsureOrganizationAsync(db, request.OrganizationId, cancellationToken);
            await EnsurePostOrganizationsAsync(db, request, cancellationToken);

            var password = OneTimePassword.Create();
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = request.DisplayName.Trim(),
                OrganizationId = request.OrganizationId,
                MustChangePassword = true,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, request.Roles));
            await SetPostsAsync(db, user.Id, request, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{Actor} created user {User} with roles {Roles}", actor.UserId, user.Id, string.Join(",", request.Roles));
            return password;
        });

    /// <summary>Sets the user's display name, organization and roles. An Admin cannot take away their own Admin role.</summary>
    public Task<Result> UpdateAccessAsync(string userId, UserAccessRequest request, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await Outcomes.ValidateAsync(accessValidator, request, cancellationToken);
            if (userId == actor.UserId && !request.Roles.Contains(Roles.Admin))
            {
                throw Invalid.Field(nameof(request.Roles), text["User.CannotDropOwnAdmin"]);
            }
            await using var scope = scopeFactory.CreateAsyncScope();
            var (db, users) = Identity(scope);
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
            if (user.OrganizationId != request.OrganizationId) await EnsureOrganizationAsync(db, request.OrganizationId, cancellationToken);
            await EnsurePostOrganizationsAsync(db, request, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (user.OrganizationId != request.OrganizationId) await AuditTransferAsync(db, actor, user, request.OrganizationId, cancellationToken);
            user.DisplayName = request.DisplayName.Trim();
            user.OrganizationId = request.OrganizationId;
            Check(await users.UpdateAsync(user));
            var current = await users.GetRolesAsync(user);
            var removed = current.Except(request.Roles).ToList();
            var added = request.Roles.Except(current).ToList();
            if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed));
            if (added.Count > 0) Check(await users.AddToRolesAsync(user, added));
            var postsChanged = await SetPostsAsync(db, user.Id, request, cancellationToken);
            // Roles (those of her posts too) travel in the sign-in cookie: a new stamp makes the person's sessions re-validate and drop stale ones.
            if (removed.Count + added.Count > 0 || postsChanged) Check(await users.UpdateSecurityStampAsync(user));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{Actor} changed user {User}: roles +[{Added}] -[{Removed}], organization {Organization}",
                actor.UserId, userId, string.Join(",", added), string.Join(",", removed), request.OrganizationId);
        });

    /// <summary>Gives the user a new generated password they must change at next sign-in; returns it, to be shown once.</summary>
    public Task<Result<string>> ResetPasswordAsync(string userId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await using var scope = scopeFactory.CreateAsyncScope();
            var (db, users) = Identity(scope);
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();

            var password = OneTimePassword.Create();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            user.MustChangePassword = true;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // Also renews the security stamp, so sessions signed in with the old password end.
            Check(await users.ResetPasswordAsync(user, token, password));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{Actor} reset the password of user {User}", actor.UserId, userId);
            return password;
        });

    /// <summary>Lifts a lockout from failed sign-ins: no lockout end, no failed attempts counted.</summary>
    public Task<Result> UnlockAsync(string userId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            await using var scope = scopeFactory.CreateAsyncScope();
            var (_, users) = Identity(scope);
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
            // Set directly: UserManager.SetLockoutEndDateAsync refuses users whose lockout is disabled.
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            logger.LogInformation("{Actor} unlocked user {User}", actor.UserId, userId);
        });

    /// <summary>
    /// Closes the account (停用) or opens it again. Closing renews the security stamp, so the person's cookies and open
    /// windows end within the stamp validation interval; the flag also keeps them from signing in. An Admin cannot close
    /// their own account (nobody might be left to open it).
    /// </summary>
    public Task<Result> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureAdminAsync(cancellationToken);
            if (disabled && userId == actor.UserId) throw Invalid.Field("", text["User.CannotDisableSelf"]);
            await using var scope = scopeFactory.CreateAsyncScope();
            var (_, users) = Identity(scope);
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
            if (user.Disabled == disabled) return;
            user.Disabled = disabled;
            // UpdateSecurityStampAsync saves the user too: the flag and the new stamp land together.
            Check(await users.UpdateSecurityStampAsync(user));
            logger.LogInformation("{Actor} {Change} user {User}", actor.UserId, disabled ? "disabled" : "enabled", userId);
        });

    private async Task<Actor> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(AccessPolicy.IsAdmin(actor));
        return actor;
    }

    /// <summary>The scope's context is the one Identity's stores write through, so a transaction on it covers every step.</summary>
    private static (AppDbContext Db, UserManager<ApplicationUser> Users) Identity(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());

    /// <summary>
    /// A move (调动) is written to the audit log, saved with the user. Nothing else changes: what she authored keeps her as
    /// author (disclosures hold her id), and what she may read follows at once (CurrentUser reads her organization each call).
    /// </summary>
    private async Task AuditTransferAsync(AppDbContext db, Actor actor, ApplicationUser user, int? toOrganizationId, CancellationToken cancellationToken)
    {
        var ids = new[] { user.OrganizationId, toOrganizationId }.OfType<int>().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        string NameOf(int? id) => id is { } value && names.TryGetValue(value, out var name) ? name : "—";
        db.AuditEntries.Add(new AuditEntry(actor, clock.UtcNow, "User", 0, toOrganizationId, WorkflowAction.Transfer, null, null,
            $"{user.DisplayName}（{user.UserName}）：{NameOf(user.OrganizationId)} → {NameOf(toOrganizationId)}"));
    }

    private async Task EnsureOrganizationAsync(AppDbContext db, int? organizationId, CancellationToken cancellationToken)
    {
        if (organizationId is { } id && !await db.Organizations.AnyAsync(o => o.Id == id && o.IsActive, cancellationToken))
        {
            throw Invalid.Field(nameof(UserAccessRequest.OrganizationId), text["User.OrganizationUnavailable"]);
        }
    }

    /// <summary>Every organization of a post held besides must be active, as her own must.</summary>
    private async Task EnsurePostOrganizationsAsync(AppDbContext db, UserAccessRequest request, CancellationToken cancellationToken)
    {
        var ids = request.Besides.Select(p => p.OrganizationId ?? 0).Distinct().ToList();
        if (await db.Organizations.CountAsync(o => ids.Contains(o.Id) && o.IsActive, cancellationToken) != ids.Count)
        {
            throw Invalid.Field(nameof(UserAccessRequest.Besides), text["User.OrganizationUnavailable"]);
        }
    }

    /// <summary>Makes her posts held besides those of the request; returns whether any changed.</summary>
    private static async Task<bool> SetPostsAsync(AppDbContext db, string userId, UserAccessRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Besides.Select(p => (OrganizationId: p.OrganizationId!.Value, p.Role)).ToHashSet();
        var held = await db.UserPosts.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var gone = held.Where(p => !wanted.Contains((p.OrganizationId, p.Role))).ToList();
        var added = wanted.Where(w => !held.Any(p => p.OrganizationId == w.OrganizationId && p.Role == w.Role))
            .Select(w => new UserPost(userId, w.OrganizationId, w.Role)).ToList();
        db.UserPosts.RemoveRange(gone);
        db.UserPosts.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return gone.Count + added.Count > 0;
    }

    /// <summary>Identity's own refusals (its password or name rules) come back as validation errors, never as a broken circuit.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure("", e.Description)));
        }
    }
}
