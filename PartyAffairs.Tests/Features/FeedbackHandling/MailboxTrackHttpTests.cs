using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>
/// 意见箱 and /track over real HTTP, as an anonymous visitor: the pages, the 查询码 shown once and never in a URL, one message
/// for every wrong code, the state and the reply for a right one, and odd input that never breaks the page.
/// </summary>
public sealed partial class MailboxTrackHttpTests(FeedbackFormServer server) : IClassFixture<FeedbackFormServer>
{
    [Theory]
    [InlineData("/board/mailbox", "意见箱")]
    [InlineData("/track", "查询码")]
    public async Task The_page_answers_an_anonymous_visitor_in_raw_Chinese_characters(string path, string words)
    {
        using var client = server.NewClient();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(words);
        html.ShouldNotContain("&#x", Case.Insensitive);
    }

    [Fact]
    public async Task Track_is_a_posted_form_and_no_link_or_action_carries_a_code()
    {
        using var client = server.NewClient();

        var html = await client.GetStringAsync("/track");

        html.ShouldContain("method=\"post\"");
        html.ShouldContain("name=\"Input.Code\"");
        foreach (Match url in UrlAttribute().Matches(html))
        {
            url.Groups[1].Value.ShouldNotContain("code", Case.Insensitive);
        }
    }

    [Theory]
    [InlineData("WRONG")]
    [InlineData("ABCD-EFGH-JKMN")]
    [InlineData("0O1IL0O1IL0O")]
    [InlineData("%_'\"<script>")]
    [InlineData("")]
    public async Task Every_wrong_code_gets_the_one_same_message(string code)
    {
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, "/track");
        var unknownResponse = await FeedbackFormServer.PostTrackAsync(client, token, "ABCD-EFGH-JKMN");
        var unknown = NotFoundMessage().Match(await unknownResponse.Content.ReadAsStringAsync()).Groups[1].Value;

        var response = await FeedbackFormServer.PostTrackAsync(client, token, code);

        response.StatusCode.ShouldBe(unknownResponse.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        NotFoundMessage().Match(html).Groups[1].Value.ShouldBe(unknown);
        unknown.ShouldBe("查询码无效，请核对后重新输入。");
        html.ShouldNotContain("data-testid=\"track-result\"");
    }

    [Fact]
    public async Task A_500_character_code_gets_the_same_message()
    {
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, "/track");

        var response = await FeedbackFormServer.PostTrackAsync(client, token, new string('A', 500));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        NotFoundMessage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value.ShouldBe("查询码无效，请核对后重新输入。");
    }

    [Theory]
    [InlineData(FeedbackKind.Suggestion, "意见建议")]
    [InlineData(FeedbackKind.Undisclosed, "应公开未公开")]
    [InlineData(FeedbackKind.Other, "其他")]
    public async Task A_mailbox_post_stores_its_kind_and_shows_the_code_once_never_in_a_url(FeedbackKind kind, string label)
    {
        using var client = server.NewClient();
        var content = $"意见箱 HTTP 测试 {Guid.NewGuid():N}";

        var (code, location) = await SubmitAsync(client, kind, content);

        location.ShouldNotContain(code.Replace("-", ""), Case.Insensitive);
        location.ShouldNotContain(code, Case.Insensitive);
        await using (var db = server.NewDb())
        {
            var stored = await db.Feedback.AsNoTracking().SingleAsync(f => f.Content == content);
            stored.Kind.ShouldBe(kind);
            stored.DisclosureId.ShouldBeNull();
            stored.TrackingCodeHash.ShouldBe(TrackingCode.Hash(TrackingCode.Normalize(code)!));
        }
        var again = await client.GetStringAsync(location);
        again.ShouldNotContain("data-testid=\"tracking-code\"");

        var token = await FeedbackFormServer.TokenAsync(client, "/track");
        var tracked = await (await FeedbackFormServer.PostTrackAsync(client, token, code)).Content.ReadAsStringAsync();
        tracked.ShouldContain(label);
    }

    [Fact]
    public async Task A_real_code_shows_the_state_and_after_the_handler_replies_the_reply()
    {
        using var client = server.NewClient();
        var content = $"请公开食堂账目 {Guid.NewGuid():N}";
        var (code, _) = await SubmitAsync(client, FeedbackKind.Undisclosed, content);
        var token = await FeedbackFormServer.TokenAsync(client, "/track");

        var before = await FeedbackFormServer.PostTrackAsync(client, token, code);

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        before.Headers.Location.ShouldBeNull();
        var html = await before.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"track-result\"");
        TrackState().Match(html).Groups[1].Value.ShouldContain("已收到");
        html.ShouldNotContain("data-testid=\"track-reply\"");

        await using (var db = server.NewDb())
        {
            var office = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "office");
            var feedback = await db.Feedback.SingleAsync(f => f.Content == content);
            feedback.ReplyToSender(new Actor(office.Id, office.DisplayName, office.OrganizationId, new HashSet<string> { Roles.Office }),
                DateTime.UtcNow, "已收到，将在下次公开时补充食堂账目。");
            await db.SaveChangesAsync();
        }
        var after = await (await FeedbackFormServer.PostTrackAsync(client, token, code.ToLowerInvariant())).Content.ReadAsStringAsync();

        TrackReply().Match(after).Groups[1].Value.ShouldBe("已收到，将在下次公开时补充食堂账目。");
        after.ShouldNotContain(content);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("'\"")]
    [InlineData("%' OR 1=1 --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData(null)]
    public async Task Odd_input_is_taken_or_refused_with_a_message_never_a_server_error(string? odd)
    {
        var text = odd ?? new string('长', 500);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, "/board/mailbox");

        var mailbox = await FeedbackFormServer.PostMailboxAsync(client, token, FeedbackKind.Other, text, anonymous: false, name: text, contact: text);
        var track = await FeedbackFormServer.PostTrackAsync(client, await FeedbackFormServer.TokenAsync(client, "/track"), text);

        ((int)mailbox.StatusCode).ShouldBeLessThan(500);
        var mailboxHtml = await mailbox.Content.ReadAsStringAsync();
        if (mailbox.StatusCode != HttpStatusCode.Redirect)
        {
            mailbox.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
            mailboxHtml.ShouldContain("data-testid=\"feedback-error\"");
        }
        mailboxHtml.ShouldNotContain("<script>alert(1)</script>");
        track.StatusCode.ShouldBe(HttpStatusCode.OK);
        NotFoundMessage().Match(await track.Content.ReadAsStringAsync()).Success.ShouldBeTrue();
    }

    /// <summary>Posts the mailbox, follows the redirect to the thank-you page, and returns the code shown there and the redirect's target.</summary>
    private static async Task<(string Code, string Location)> SubmitAsync(HttpClient client, FeedbackKind kind, string content)
    {
        var token = await FeedbackFormServer.TokenAsync(client, "/board/mailbox");
        var posted = await FeedbackFormServer.PostMailboxAsync(client, token, kind, content);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = posted.Headers.Location!.ToString();
        location.ShouldEndWith("/board/mailbox?sent=1");
        var thanks = await client.GetStringAsync(location);
        var code = ShownCode().Match(thanks);
        code.Success.ShouldBeTrue("the thank-you page shows the code");
        return (code.Groups[1].Value, location);
    }

    [GeneratedRegex("(?:href|action|src)=\"([^\"]*)\"")]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("data-testid=\"track-not-found\".*?class=\"mud-alert-message\">([^<]*)<", RegexOptions.Singleline)]
    private static partial Regex NotFoundMessage();

    [GeneratedRegex("data-testid=\"tracking-code\"[^>]*>([^<]*)<")]
    private static partial Regex ShownCode();

    [GeneratedRegex("data-testid=\"track-state\"[^>]*>([^<]*)<")]
    private static partial Regex TrackState();

    [GeneratedRegex("data-testid=\"track-reply\"[^>]*>([^<]*)<")]
    private static partial Regex TrackReply();
}
