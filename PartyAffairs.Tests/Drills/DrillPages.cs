using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>Every page of the app with the role that reaches it (null: anonymous), resolved against the demo seed of a running server.</summary>
public static class DrillPages
{
    public sealed record Visit(string? UserName, string Path);

    public static async Task<IReadOnlyList<Visit>> AllAsync(AppServer server)
    {
        await using var db = server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var now = DateTime.UtcNow;
        var onBoard = await db.Disclosures.Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public
            && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc).Select(d => d.Id).FirstAsync();
        var drafterOrg = await db.Users.Where(u => u.UserName == "drafter").Select(u => u.OrganizationId).FirstAsync();
        var draft = await db.Disclosures.Where(d => d.OrganizationId == drafterOrg && d.State == DisclosureState.Draft).Select(d => d.Id).FirstAsync();
        var feedback = await db.Feedback.Select(f => f.Id).FirstAsync();
        var archived = await db.ArchiveRecords.Select(r => r.Id).FirstAsync();
        var application = await db.Applications.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var year = DateTime.UtcNow.Year;
        return
        [
            new(null, "/Account/Login"), new(null, "/board"), new(null, $"/board/{onBoard}"), new(null, $"/board/{onBoard}/feedback"),
            new(null, "/board/print"), new(null, "/board/screen"), new(null, "/board"),
            new(null, "/guide"), new(null, $"/board/catalogue/{year}"), new(null, "/board/history"), new(null, "/board/mailbox"), new(null, "/track"),
            new(null, "/apply"),
            new("office", "/"), new("office", "/catalogue"), new("office", "/catalogue/schedule"), new("office", $"/catalogue/{year}/print"),
            new("office", "/disclosures"), new("office", $"/disclosures/{onBoard}"), new("office", "/feedback"), new("office", $"/feedback/{feedback}"),
            new("office", "/archive"), new("office", "/archive/ready"), new("office", "/archive/verify"), new("office", $"/archive/{archived}"),
            new("office", "/assessment"), new("office", "/assessment/report"), new("office", $"/assessment/report/{year}/print"),
            new("office", "/applications"), new("office", $"/applications/{application}"), new("office", "/postings"),
            new("member", "/my/feedback"),
            new("office", "/dashboard"), new("office", "/audit"), new("office", "/inspections"), new("office", "/Account/Manage/ChangePassword"),
            new("drafter", "/my-work"), new("drafter", "/disclosures/new"), new("drafter", $"/disclosures/{draft}/edit"),
            new("handler", "/feedback"),
            new("admin", "/admin/organizations"), new("admin", "/admin/users"), new("admin", "/admin/calendar"), new("admin", "/admin/settings"),
        ];
    }

    /// <summary>Reports every Content-Security-Policy violation of the page (and its later navigations) into <paramref name="sink"/>.</summary>
    public static async Task WatchPolicyAsync(IPage page, List<string> sink)
    {
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
            """);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("CSP-VIOLATION") || message.Text.Contains("Content Security Policy")))
            {
                lock (sink) sink.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => { lock (sink) sink.Add($"{page.Url}: page error {error}"); };
    }

    /// <summary>Opens a page and waits until it has settled: live if it is an interactive page, loaded otherwise.</summary>
    public static async Task OpenAsync(IPage page, Uri baseAddress, string path)
    {
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("[data-circuit]").CountAsync() > 0)
        {
            await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });
        }
    }
}
