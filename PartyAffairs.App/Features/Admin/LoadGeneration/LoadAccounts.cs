using Microsoft.AspNetCore.Identity;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Admin.LoadGeneration;

/// <summary>
/// One account per role in a generated city, all with the password given to <c>generate-load --account-password</c>, so a
/// benchmark can sign in as each of them. The Office and the Leader sit in the 机关党委; the branch roles in the first branch
/// (压测第0001党支部), the Admin in none. Only ever made on request: a generated city otherwise holds no one who can sign in
/// but the first admin.
/// </summary>
public static class LoadAccounts
{
    public static readonly IReadOnlyList<(string UserName, string Role)> All =
    [
        ("bench-admin", Roles.Admin), ("bench-office", Roles.Office), ("bench-leader", Roles.Leader),
        ("bench-secretary", Roles.Secretary), ("bench-drafter", Roles.Drafter), ("bench-handler", Roles.FeedbackHandler),
        ("bench-member", Roles.Member),
    ];

    internal static async Task CreateAsync(IServiceProvider services, string password, int committeeId, int branchId)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (userName, role) in All)
        {
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = $"压测{role}",
                OrganizationId = role switch { Roles.Admin => null, Roles.Office or Roles.Leader => committeeId, _ => branchId },
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, password), userName);
            string[] roles = role is Roles.Admin or Roles.Member ? [role] : [role, Roles.Member];
            Check(await users.AddToRolesAsync(user, roles), userName);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"{userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
