using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Hosting.Security;
using PartyAffairs.Tests.Drills;
using PartyAffairs.Tests.Features.FeedbackHandling;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Issue 22: with two nodes on one PostgreSQL database, one client address gets the feedback and sign-in allowance once for
/// the cluster, not once per node: the first N posts pass and every later one is refused, whichever node each reaches.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class ClusterRateLimitTests(ClusterNodesFixture fixture) : IClassFixture<ClusterNodesFixture>
{
    private static int nextAddress;

    /// <summary>A client address no other case has used, so each case starts with an empty window.</summary>
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref nextAddress);
        return $"10.22.{n / 250}.{n % 250 + 1}";
    }

    /// <summary>Which node each post reaches, in order ("A" = node 0, "B" = node 1).</summary>
    public static TheoryData<string> Routes => new() { "AAAABB", "ABABAB", "BBBBAA", "AABBBA", "BAAAAB" };

    [SkippableTheory]
    [MemberData(nameof(Routes))]
    public async Task The_feedback_limit_holds_for_one_address_across_both_nodes(string route)
    {
        PostgresCluster.SkipIfUnavailable();
        var nodes = fixture.Nodes;
        var address = NewAddress();
        var item = await OnDisplayAsync();
        var before = await FeedbackCountAsync(item);
        var clients = Enumerable.Range(0, nodes.Count).Select(n => nodes.NewClient(n, address)).ToArray();
        var tokens = new List<string>();
        foreach (var client in clients) tokens.Add(await FeedbackFormServer.TokenAsync(client, item));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < route.Length; i++)
        {
            var node = route[i] - 'A';
            var response = await FeedbackFormServer.PostAsync(clients[node], item, tokens[node], $"第 {i + 1} 条意见（{route}）");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Codes(statuses).ShouldBe(Codes(Expected(route.Length, ClusterNodesFixture.FeedbackPermitLimit, HttpStatusCode.Redirect)), $"route {route}");
        (await FeedbackCountAsync(item)).ShouldBe(before + ClusterNodesFixture.FeedbackPermitLimit);
        refused!.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("提交过于频繁");
        // Another address is not held back by this one's posts.
        var neighbour = nodes.NewClient(route[^1] - 'A', NewAddress());
        (await FeedbackFormServer.PostAsync(neighbour, item, await FeedbackFormServer.TokenAsync(neighbour, item), "邻居的意见"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [SkippableTheory]
    [MemberData(nameof(Routes))]
    public async Task The_sign_in_limit_holds_for_one_address_across_both_nodes(string route)
    {
        PostgresCluster.SkipIfUnavailable();
        var nodes = fixture.Nodes;
        var address = NewAddress();
        var clients = Enumerable.Range(0, nodes.Count).Select(n => nodes.NewClient(n, address)).ToArray();
        // One attempt more than the route's posts: the route is for the feedback limit, one below the sign-in limit.
        var signInRoute = route + route[0];

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < signInRoute.Length; i++)
        {
            var response = await DrillWebApp.PostLoginAsync(clients[signInRoute[i] - 'A'], $"guess{i}", "wrong-password");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Codes(statuses).ShouldBe(Codes(Expected(signInRoute.Length, ClusterNodesFixture.SignInPermitLimit, HttpStatusCode.OK)), $"route {signInRoute}");
        refused!.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("登录尝试过于频繁");
        // Reading the page is never limited, on either node.
        foreach (var client in clients) (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Two_nodes_count_one_key_in_one_window_and_the_next_window_starts_again()
    {
        PostgresCluster.SkipIfUnavailable();
        var database = fixture.Nodes[0].Services.GetRequiredService<DatabaseOptions>();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 3, 0, 10, TimeSpan.Zero));
        ClusterRateWindows a = new(database, time), b = new(database, time);
        var window = TimeSpan.FromMinutes(1);
        var key = $"test:{Guid.NewGuid():N}";

        var counts = new List<int>();
        foreach (var node in new[] { a, b, b, a, b }) counts.Add((await node.CountAsync(key, window, CancellationToken.None)).Count);
        var (other, _) = await a.CountAsync(key + ":other", window, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(50));
        var (next, end) = await b.CountAsync(key, window, CancellationToken.None);

        counts.ShouldBe([1, 2, 3, 4, 5]);
        other.ShouldBe(1);
        next.ShouldBe(1, "03:01:00 starts a new window");
        end.ShouldBe(new DateTimeOffset(2026, 12, 5, 3, 2, 0, TimeSpan.Zero));
    }

    /// <summary>The first <paramref name="permitLimit"/> pass, every later one is refused.</summary>
    private static HttpStatusCode[] Expected(int posts, int permitLimit, HttpStatusCode passed) =>
        Enumerable.Range(0, posts).Select(i => i < permitLimit ? passed : HttpStatusCode.TooManyRequests).ToArray();

    private static string Codes(IEnumerable<HttpStatusCode> statuses) => string.Join(' ', statuses.Select(s => (int)s));

    private async Task<int> OnDisplayAsync()
    {
        await using var db = NewDb();
        var now = DateTime.UtcNow;
        return await db.Disclosures
            .Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc)
            .Select(d => d.Id).FirstAsync();
    }

    private async Task<int> FeedbackCountAsync(int disclosureId)
    {
        await using var db = NewDb();
        return await db.Feedback.CountAsync(f => f.DisclosureId == disclosureId);
    }

    private AppDbContext NewDb() => fixture.Nodes[0].Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
}
