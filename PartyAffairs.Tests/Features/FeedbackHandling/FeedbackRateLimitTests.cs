using System.Net;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>The form's posts are limited per client address (here 5 a minute, the shipped setting); reading it is not.</summary>
public sealed class FeedbackRateLimitTests : IAsyncLifetime
{
    private readonly FeedbackFormServer server = new(permitLimit: 5);

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task The_sixth_post_within_a_minute_is_refused_with_a_429_in_Chinese_and_reading_stays_open()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        for (var i = 1; i <= 5; i++)
        {
            (await FeedbackFormServer.PostAsync(client, item, token, $"第 {i} 条意见")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var sixth = await FeedbackFormServer.PostAsync(client, item, token, "第 6 条意见");

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Headers.RetryAfter.ShouldNotBeNull();
        var html = await sixth.Content.ReadAsStringAsync();
        html.ShouldContain("提交过于频繁");
        html.ShouldContain($"href=\"/board/{item}/feedback\"");
        (await server.FeedbackCountAsync(item)).ShouldBe(before + 5);
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync($"/board/{item}/feedback")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_refused_mailbox_post_is_a_429_in_the_boards_layout_that_gives_back_the_typed_text()
    {
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, "/board/mailbox");
        for (var i = 1; i <= 5; i++)
        {
            (await FeedbackFormServer.PostMailboxAsync(client, token, FeedbackKind.Suggestion, $"第 {i} 条建议")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        const string typed = "第六条：<b>食堂</b> & \"账目\" 应该公开";

        var refused = await FeedbackFormServer.PostMailboxAsync(client, token, FeedbackKind.Undisclosed, typed);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("class=\"board-header\"");
        html.ShouldContain("data-testid=\"board-mailbox\"");
        html.ShouldContain("提交过于频繁");
        html.ShouldContain("第六条：&lt;b&gt;食堂&lt;/b&gt; &amp; ", Case.Sensitive, "the typed text, encoded");
        html.ShouldContain("账目");
        html.ShouldNotContain("<b>食堂</b>");
        html.ShouldContain("href=\"/board/mailbox\"");
    }
}
