using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.Tests.Benchmarks.Circuits;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// A node's death costs a signed-in person nothing but a reconnect: SIGKILL the node her affinity cookie names, and her next
/// request through the proxy is answered by the other node, still signed in, her draft's autosaved text there. The failover
/// time (kill to her first answer) is printed.
/// </summary>
[Trait("Category", "PostgreSQL")]
[Collection(TwoNodeCollection.Name)]
[Trait("Category", "Drill")]
public sealed class NodeFailoverTests(TwoNodes nodes, ITestOutputHelper log) : IClassFixture<TwoNodes>
{
    [SkippableFact]
    public async Task Killing_the_node_a_signed_in_drafter_is_on_moves_her_to_the_other_node_signed_in_with_her_draft()
    {
        PostgresCluster.SkipIfUnavailable();
        using var drafter = await SignedInOnAsync(TwoNodes.NodeA, "drafter");
        var id = await EditableDraftAsync("drafter");
        var text = $"断电前自动保存的正文{Guid.NewGuid():N}";
        await TypeIntoTheEditorAsync(drafter, id, $"<p>{text}</p>");
        // The page's own autosave (every 3 s, DraftPage.AutosaveInterval) stores what was typed, on node A.
        await Eventually.TrueAsync(async () => (await BodyAsync(id)).Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(20),
            "node A's draft page autosaved the typed text");
        var page = $"/disclosures/{id}";
        var onA = await drafter.GetAsync(page);
        onA.Node.ShouldBe(TwoNodes.NodeA);
        onA.Html.ShouldContain(text, Case.Sensitive, "node A shows her the saved draft before it dies");

        var killed = Stopwatch.GetTimestamp();
        nodes.A.Kill();
        var next = await drafter.GetAsync(page);
        var failover = Stopwatch.GetElapsedTime(killed);
        log.WriteLine($"node A killed; her next request (sent at once) answered by node {next.Node ?? "(the proxy)"} with {(int)next.Status}, " +
                      $"{failover.TotalMilliseconds:0} ms after the kill; requests the proxy sent on after finding their node gone: {nodes.Proxy.Redispatched}");

        next.Status.ShouldBe(HttpStatusCode.OK, $"her next request after the kill; redirected to {next.Location}");
        next.Node.ShouldBe(TwoNodes.NodeB);
        next.Html.ShouldContain(text, Case.Sensitive, "her autosaved text is there on node B");
        var again = Stopwatch.GetTimestamp();
        var repeat = await drafter.GetAsync(page);
        log.WriteLine($"the same page again from node B: {Stopwatch.GetElapsedTime(again).TotalMilliseconds:0} ms (the first one included node B's first render of it)");
        (repeat.Status, repeat.Node).ShouldBe((HttpStatusCode.OK, TwoNodes.NodeB), "she stays on node B");
        var after = await drafter.GetAsync("/Account/Manage/ChangePassword");
        (after.Status, after.Node).ShouldBe((HttpStatusCode.OK, TwoNodes.NodeB), "she stays signed in, and on node B");
        foreach (var window in windows) await window.AbandonAsync();
    }

    /// <summary>Signs in through the proxy until the affinity cookie names <paramref name="node"/> (new sessions are dealt in turn).</summary>
    private async Task<ProxyVisitor> SignedInOnAsync(string node, string userName)
    {
        for (var i = 0; i < 6; i++)
        {
            var visitor = new ProxyVisitor(nodes.Proxy.BaseAddress);
            visitor.Use(await CircuitClient.SignInAsync(nodes.Proxy.BaseAddress, userName));
            var check = await visitor.GetAsync("/Account/Manage/ChangePassword");
            check.Status.ShouldBe(HttpStatusCode.OK, $"{userName} is signed in through the proxy");
            if (check.Node == node) return visitor;
            visitor.Dispose();
        }
        throw new InvalidOperationException($"The proxy never sent {userName}'s sign-in to node {node}.");
    }

    /// <summary>
    /// Types into the draft page's body editor on the node her affinity cookie names, as the browser's editor reports its text:
    /// a circuit through the proxy (its WebSocket too), and the editor's HTML streamed to its [JSInvokable] ReceiveHtml.
    /// </summary>
    private async Task TypeIntoTheEditorAsync(ProxyVisitor visitor, int id, string html)
    {
        var proxy = nodes.Proxy.BaseAddress;
        var path = $"/disclosures/{id}/edit";
        (await visitor.GetAsync(path)).Node.ShouldBe(TwoNodes.NodeA, "her editor opens on node A");
        var page = await CircuitClient.FetchPageAsync(proxy, path, visitor.CookieHeader);
        Task<long> editor = Task.FromResult(0L);
        var window = await CircuitClient.StartAsync(proxy, page, visitor.CookieHeader, beforeStart: c => editor = c.WatchForDotNetObjectAsync("create"));
        window.Error.ShouldBeNull();
        var editorObject = await editor.WaitAsync(TimeSpan.FromSeconds(30));
        await window.SendStreamToDotNetAsync(editorObject, "ReceiveHtml", Encoding.UTF8.GetBytes(html));
        // The window stays open, as her tab does, until its node dies.
        windows.Add(window);
    }

    private readonly List<CircuitClient> windows = [];

    private async Task<string> BodyAsync(int id)
    {
        await using var db = await nodes.B.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Body).SingleAsync();
    }

    /// <summary>One of the demo's drafts that <paramref name="userName"/> may edit (asked of the drafting service, as her).</summary>
    private async Task<int> EditableDraftAsync(string userName)
    {
        await using var scope = nodes.B.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
                   ?? throw new InvalidOperationException($"No user {userName}.");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var drafts = scope.ServiceProvider.GetRequiredService<DraftService>();
        List<int> candidates;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            candidates = await db.Disclosures.Where(d => d.State == DisclosureState.Draft).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        foreach (var id in candidates)
        {
            if ((await drafts.GetAsync(id)).Value is { CanEdit: true }) return id;
        }
        throw new InvalidOperationException($"The demo has no draft {userName} may edit.");
    }
}
