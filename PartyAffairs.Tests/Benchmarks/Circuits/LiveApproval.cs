using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;

namespace PartyAffairs.Tests.Benchmarks.Circuits;

/// <summary>
/// Approves one submitted disclosure of the running app through its real service, as the Office would from the
/// review page (a scope whose signed-in user is <c>office</c>), so every open dashboard hears about it.
/// </summary>
public static class LiveApproval
{
    /// <summary>The submitted disclosures' ids and titles, oldest first.</summary>
    public static async Task<IReadOnlyList<(int Id, string Title)>> SubmittedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Disclosures.AsNoTracking()
                .Where(d => d.State == DisclosureState.Submitted)
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Title })
                .ToListAsync())
            .Select(d => (d.Id, d.Title))
            .ToList();
    }

    public static async Task ApproveAsync(IServiceProvider services, int disclosureId, string userName = "office")
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
                   ?? throw new InvalidOperationException($"No user {userName}.");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        int version;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            version = await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Version).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<DisclosureReviewService>()
            .ApproveAsync(disclosureId, version, confidentialityConfirmed: true, comment: null);
        if (!result.Succeeded) throw new InvalidOperationException($"Approval of {disclosureId} failed: {result.Message}");
    }
}
