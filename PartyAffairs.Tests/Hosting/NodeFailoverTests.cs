using System.Diagnostics;
using System.Net;
using System.Security.Claims;
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
[Trait("Category", "Drill")]
public sealed class NodeFailoverTests(TwoNodes nodes, ITestOutputHelper log) : IClassFixture<TwoNodes>
{
    [SkippableFact]
    public async Task Killing_the_node_a_signed_in_drafter_is_on_moves_her_to_the_other_node_signed_in_with_her_draft()
    {
        PostgresCluster.SkipIfUnavailable();
        using var drafter = await SignedInOnAsync(TwoNodes.NodeA, "drafter");
        var text = $"断电前自动保存的正文{Guid.NewGuid():N}";
        var id = await AutosaveAsync("drafter", text);
        var page = $"/disclosures/{id}";
        var onA = await drafter.GetAsync(page);
        onA.Node.ShouldBe(TwoNodes.NodeA);
        onA.Html.ShouldContain(text, Case.Sensitive, "node A shows her the saved draft before it dies");

        var killed = Stopwatch.GetTimestamp();
        nodes.A.Kill();
        var dead = Stopwatch.GetElapsedTime(killed);
        var next = await drafter.GetAsync(page);
        var failover = Stopwatch.GetElapsedTime(killed);
        log.WriteLine($"node A killed (gone after {dead.TotalMilliseconds:0} ms); her next request answered by node {next.Node ?? "(the proxy)"} " +
                      $"with {(int)next.Status}, {failover.TotalMilliseconds:0} ms after the kill");

        next.Status.ShouldBe(HttpStatusCode.OK, $"her next request after the kill; redirected to {next.Location}");
        next.Node.ShouldBe(TwoNodes.NodeB);
        next.Html.ShouldContain(text, Case.Sensitive, "her autosaved text is there on node B");
        var again = Stopwatch.GetTimestamp();
        var repeat = await drafter.GetAsync(page);
        log.WriteLine($"the same page again from node B: {Stopwatch.GetElapsedTime(again).TotalMilliseconds:0} ms (the first one included node B's first render of it)");
        (repeat.Status, repeat.Node).ShouldBe((HttpStatusCode.OK, TwoNodes.NodeB), "she stays on node B");
        var after = await drafter.GetAsync("/Account/Manage/ChangePassword");
        (after.Status, after.Node).ShouldBe((HttpStatusCode.OK, TwoNodes.NodeB), "she stays signed in, and on node B");
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
    /// Saves <paramref name="body"/> into one of her drafts through the call the draft page's autosave makes
    /// (<see cref="DraftService.SaveAsync"/>, as <see cref="DraftEditorState"/> does every few seconds), as her, on node B's
    /// services: the headless client cannot type into node A's editor, and what counts here is that an autosave lands in the
    /// shared database, not in the node that dies.
    /// </summary>
    private async Task<int> AutosaveAsync(string userName, string body)
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
            if ((await drafts.GetAsync(id)).Value is not { CanEdit: true } view) continue;
            var saved = await drafts.SaveAsync(id, view.Version,
                new DraftRequest(view.Title, $"<p>{body}</p>", view.Channels, view.Audience, view.DisplayFromUtc, view.DisplayUntilUtc, view.Important));
            saved.Succeeded.ShouldBeTrue(saved.Message);
            return id;
        }
        throw new InvalidOperationException($"The demo has no draft {userName} may edit.");
    }
}
