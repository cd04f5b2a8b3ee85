using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

public sealed class UserAdminServiceTests
{
    [Fact]
    public async Task A_secretary_is_refused_every_user_operation_and_no_account_changes()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        var adminId = await IdOfAsync(harness, "admin");
        await LockOutAsync(harness, adminId);
        var before = await SnapshotAsync(harness);
        await harness.SignInAsync("secretary");
        await using var scope = harness.NewScope();
        var service = harness.Get<UserAdminService>(scope);

        var results = new Result[]
        {
            await service.ListAsync(),
            await service.CreateAsync(new NewUserRequest { UserName = "intruder", DisplayName = "x", Roles = new HashSet<string> { Roles.Admin } }),
            await service.UpdateAccessAsync(adminId, new UserAccessRequest { DisplayName = "x", Roles = new HashSet<string> { Roles.Member } }),
            await service.ResetPasswordAsync(adminId),
            await service.UnlockAsync(adminId),
            await service.SetDisabledAsync(adminId, true),
        };

        results.ShouldAllBe(r => r.Status == ResultStatus.Forbidden);
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task Creating_a_user_issues_a_one_time_password_they_must_change()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<UserAdminService>(scope).CreateAsync(new NewUserRequest
        {
            UserName = "zhangsan", DisplayName = "张三", OrganizationId = branchId,
            Roles = new HashSet<string> { Roles.Secretary, Roles.Member },
        });

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var check = harness.NewScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync("zhangsan"))!;
        (await users.CheckPasswordAsync(user, result.Value!)).ShouldBeTrue();
        user.MustChangePassword.ShouldBeTrue();
        user.DisplayName.ShouldBe("张三");
        user.OrganizationId.ShouldBe(branchId);
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Secretary, Roles.Member], ignoreOrder: true);
    }

    [Fact]
    public async Task A_duplicate_user_name_fails_clearly_whatever_its_case()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var before = await SnapshotAsync(harness);

        var result = await harness.Get<UserAdminService>(scope).CreateAsync(new NewUserRequest
        {
            UserName = "Admin", DisplayName = "另一个管理员", Roles = new HashSet<string> { Roles.Admin },
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("用户名 Admin 已被使用，请换一个。");
        result.Errors.Keys.ShouldContain(nameof(NewUserRequest.UserName));
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task Secretaries_and_drafters_need_an_organization()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<UserAdminService>(scope).CreateAsync(new NewUserRequest
        {
            UserName = "lisi", DisplayName = "李四", Roles = new HashSet<string> { Roles.Drafter },
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("书记和起草人必须属于一个组织。");
        await using var db = harness.NewDb();
        (await db.Users.AnyAsync(u => u.UserName == "lisi")).ShouldBeFalse();
    }

    [Fact]
    public async Task Changing_roles_renews_the_security_stamp_so_old_cookies_are_revalidated()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        var secretaryId = await AdminTestData.CreateSecretaryAsync(harness, branchId);
        var stampBefore = await StampOfAsync(harness, secretaryId);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<UserAdminService>(scope).UpdateAccessAsync(secretaryId, new UserAccessRequest
        {
            DisplayName = "王书记", OrganizationId = branchId, Roles = new HashSet<string> { Roles.Member },
        });

        result.Succeeded.ShouldBeTrue(result.Message);
        (await StampOfAsync(harness, secretaryId)).ShouldNotBe(stampBefore);
        await using var check = harness.NewScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(secretaryId))!;
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Member]);
        user.DisplayName.ShouldBe("王书记");
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var adminId = await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<UserAdminService>(scope).UpdateAccessAsync(adminId, new UserAccessRequest
        {
            DisplayName = "系统管理员", Roles = new HashSet<string> { Roles.Office },
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("您不能取消自己的系统管理员角色。");
        await using var check = harness.NewScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.GetRolesAsync((await users.FindByIdAsync(adminId))!)).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task Resetting_a_password_replaces_the_old_one_and_requires_a_change()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        var secretaryId = await AdminTestData.CreateSecretaryAsync(harness, branchId);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<UserAdminService>(scope).ResetPasswordAsync(secretaryId);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var check = harness.NewScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(secretaryId))!;
        (await users.CheckPasswordAsync(user, result.Value!)).ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "Test@12345")).ShouldBeFalse();
        user.MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task Unlocking_clears_the_lockout_and_the_failed_attempts()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        var secretaryId = await AdminTestData.CreateSecretaryAsync(harness, branchId);
        await LockOutAsync(harness, secretaryId);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<UserAdminService>(scope);
        (await service.ListAsync()).Value!.Single(u => u.Id == secretaryId).IsLockedOut.ShouldBeTrue();

        var result = await service.UnlockAsync(secretaryId);

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.Id == secretaryId);
        user.LockoutEnd.ShouldBeNull();
        user.AccessFailedCount.ShouldBe(0);
        (await service.ListAsync()).Value!.Single(u => u.Id == secretaryId).IsLockedOut.ShouldBeFalse();
    }

    [Fact]
    public async Task Disabling_renews_the_stamp_and_shows_in_the_list_but_an_Admin_cannot_disable_themselves()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        var secretaryId = await AdminTestData.CreateSecretaryAsync(harness, branchId);
        var adminId = await IdOfAsync(harness, "admin");
        var stamp = await StampOfAsync(harness, secretaryId);
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<UserAdminService>(scope);

        (await service.SetDisabledAsync(secretaryId, true)).Succeeded.ShouldBeTrue();

        (await StampOfAsync(harness, secretaryId)).ShouldNotBe(stamp, "the person's sessions end at the next stamp check");
        (await service.ListAsync()).Value!.Single(u => u.Id == secretaryId).Disabled.ShouldBeTrue();
        var self = await service.SetDisabledAsync(adminId, true);
        self.Status.ShouldBe(ResultStatus.Invalid);
        await using (var db = harness.NewDb()) (await db.Users.SingleAsync(u => u.Id == adminId)).Disabled.ShouldBeFalse();

        (await service.SetDisabledAsync(secretaryId, false)).Succeeded.ShouldBeTrue();
        (await service.ListAsync()).Value!.Single(u => u.Id == secretaryId).Disabled.ShouldBeFalse();
    }

    /// <summary>A cast of six besides the admin: three members of the branch, a secretary, a drafter in the committee, one without an organization.</summary>
    private static async Task<ServiceHarness> CastAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var (committeeId, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        foreach (var name in new[] { "wang_li", "zhang_wei", "li_na" }) await harness.CreateUserAsync(name, branchId, Roles.Member);
        await harness.CreateUserAsync("drafter", committeeId, Roles.Drafter);
        await harness.CreateUserAsync("loner", null, Roles.Member);
        await LockOutAsync(harness, await IdOfAsync(harness, "zhang_wei"));
        return harness;
    }

    public static TheoryData<string?, string?, bool, string[]> Filters => new()
    {
        // search, role, locked only → the user names on the list
        { null, null, false, ["admin", "drafter", "li_na", "loner", "secretary", "wang_li", "zhang_wei"] },
        { "li", null, false, ["li_na", "wang_li"] },
        { "LI", null, false, ["li_na", "wang_li"] },
        { "第一", null, false, ["li_na", "secretary", "wang_li", "zhang_wei"] },
        { "机关", null, false, ["drafter"] },
        { "wang li", null, false, ["wang_li"] },
        { "_", null, false, ["li_na", "wang_li", "zhang_wei"] },
        { "%", null, false, [] },
        { null, Roles.Member, false, ["li_na", "loner", "wang_li", "zhang_wei"] },
        { "第一", Roles.Member, false, ["li_na", "wang_li", "zhang_wei"] },
        { null, Roles.Office, false, [] },
        { null, null, true, ["zhang_wei"] },
        { null, Roles.Secretary, true, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_list_is_filtered_in_the_database(string? search, string? role, bool lockedOnly, string[] expected)
    {
        await using var harness = await CastAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var page = (await harness.Get<UserAdminService>(scope).PageAsync(new UserQuery(search, role, lockedOnly))).Value!;

        page.Rows.Select(r => r.UserName).ShouldBe(expected);
        page.Total.ShouldBe(expected.Length);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData(nameof(UserRow.DisplayName), false)]
    [InlineData(nameof(UserRow.OrganizationName), false)]
    [InlineData(nameof(UserRow.OrganizationName), true)]
    public async Task Every_user_appears_on_exactly_one_page_in_every_order(string? sortBy, bool descending)
    {
        await using var harness = await CastAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<UserAdminService>(scope);

        var seen = new List<string>();
        for (var page = 0; page < 4; page++)
        {
            var rows = (await service.PageAsync(new UserQuery(SortBy: sortBy, Descending: descending, Page: page, PageSize: 2))).Value!;
            rows.Total.ShouldBe(7);
            rows.Rows.Count.ShouldBe(page < 3 ? 2 : 1);
            seen.AddRange(rows.Rows.Select(r => r.UserName));
        }

        seen.Order().ShouldBe(["admin", "drafter", "li_na", "loner", "secretary", "wang_li", "zhang_wei"]);
        var zhangRoles = (await service.PageAsync(new UserQuery("zhang"))).Value!.Rows.ShouldHaveSingleItem();
        zhangRoles.Roles.ShouldBe([Roles.Member]);
        zhangRoles.IsLockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task The_office_may_read_the_list_and_a_member_may_not()
    {
        await using var harness = await CastAsync();
        await harness.CreateUserAsync("office", null, Roles.Office);
        await using var scope = harness.NewScope();
        var service = harness.Get<UserAdminService>(scope);

        await harness.SignInAsync("office");
        (await service.PageAsync(new UserQuery(PageSize: 100))).Value!.Total.ShouldBe(8);
        await harness.SignInAsync("wang_li");
        (await service.PageAsync(new UserQuery())).Status.ShouldBe(ResultStatus.Forbidden);
    }

    private static async Task<string> IdOfAsync(ServiceHarness harness, string userName)
    {
        await using var db = harness.NewDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<string?> StampOfAsync(ServiceHarness harness, string userId)
    {
        await using var db = harness.NewDb();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }

    /// <summary>As five failed sign-ins would leave the account.</summary>
    private static async Task LockOutAsync(ServiceHarness harness, string userId)
    {
        await using var db = harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.LockoutEnd = harness.Time.GetUtcNow().AddMinutes(15);
        user.AccessFailedCount = 4;
        await db.SaveChangesAsync();
    }

    private static async Task<string> SnapshotAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => $"{u.Id}|{u.UserName}|{u.DisplayName}|{u.OrganizationId}|{u.PasswordHash}|{u.SecurityStamp}|{u.LockoutEnd}|{u.AccessFailedCount}|{u.MustChangePassword}|{u.Disabled}")
            .ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + ":" + r.RoleId).ToListAsync();
        return string.Join("\n", users.Concat(roles));
    }
}
