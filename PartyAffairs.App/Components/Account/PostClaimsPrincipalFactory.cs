using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Components.Account;

/// <summary>
/// The sign-in cookie's roles: her Identity roles and the roles of the posts she holds besides (<see cref="UserPost"/>), so a
/// member of one branch who is secretary of another reaches the secretary's pages. The services check the posts themselves.
/// </summary>
public sealed class PostClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roleType = Options.ClaimsIdentity.RoleClaimType;
        await using var db = await dbFactory.CreateDbContextAsync();
        var postRoles = await db.UserPosts.AsNoTracking().Where(p => p.UserId == user.Id).Select(p => p.Role).Distinct().ToListAsync();
        foreach (var role in postRoles.Where(r => !identity.HasClaim(roleType, r))) identity.AddClaim(new Claim(roleType, role));
        return identity;
    }
}
