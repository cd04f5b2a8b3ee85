using System.Net;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>The board's feedback form over real HTTP: antiforgery, PRG, bad input, items that take no feedback.</summary>
public sealed class FeedbackFormHttpTests(FeedbackFormServer server) : IClassFixture<FeedbackFormServer>
{
    [Fact]
    public async Task A_valid_anonymous_post_stores_one_row_and_redirects_to_the_thank_you_page()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token, "希望公开更详细的经费明细。", anonymous: true, name: "张三", contact: "138");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldEndWith($"/board/{item}/feedback?sent=1");
        (await server.FeedbackCountAsync(item)).ShouldBe(before + 1);
        await using (var db = server.NewDb())
        {
            var stored = await db.Feedback.Where(f => f.DisclosureId == item).OrderByDescending(f => f.Id).FirstAsync();
            stored.Content.ShouldBe("希望公开更详细的经费明细。");
            stored.Channel.ShouldBe(FeedbackChannel.Online);
            stored.IsAnonymous.ShouldBeTrue();
            stored.SenderName.ShouldBeNull();
            stored.SubmittedById.ShouldBeNull();
            stored.StepDueAtUtc.ShouldNotBeNull();
        }
        var thanks = await client.GetStringAsync($"/board/{item}/feedback?sent=1");
        thanks.ShouldContain("感谢您的意见");
        // The 查询码 itself, not the name of the field that holds it.
        System.Text.RegularExpressions.Regex.IsMatch(thanks, "data-testid=\"tracking-code\"[^>]*>[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}<").ShouldBeTrue();
    }

    [Theory]
    [InlineData("含有\0空字符的意见")]
    [InlineData("\0")]
    public async Task A_post_with_a_NUL_character_is_told_of_the_hidden_character_in_Chinese_and_stores_nothing(string content)
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token, content, anonymous: true);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("含有不可见的控制字符");
        html.ShouldNotContain("安全令牌");
        html.ShouldNotContain("antiforgery", Case.Insensitive);
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_a_400_page_and_stores_nothing()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token: null, "没有令牌的提交");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("提交未被接受");
        html.ShouldContain("意见没有保存");
        html.ShouldNotContain("Exception");
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Fact]
    public async Task A_forged_token_or_one_without_its_cookie_is_a_400_and_stores_nothing()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var forged = await FeedbackFormServer.PostAsync(client, item, "CfDJ8" + new string('A', 150), "伪造令牌的提交");
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("提交未被接受");

        // A real token replayed from another client that lacks the matching cookie.
        using var stranger = server.NewClient();
        var replayed = await FeedbackFormServer.PostAsync(stranger, item, token, "别人的令牌");
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Theory]
    [InlineData("", "请填写意见内容")]
    [InlineData("   \n\t ", "请填写意见内容")]
    [InlineData("有控制字符\u0001在这里", "不可见的控制字符")]
    [InlineData("方向覆盖\u202Eevil", "不可见的控制字符")]
    public async Task Bad_content_is_refused_with_a_clear_message_and_nothing_is_stored(string content, string expected)
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token, content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("提交未成功");
        html.ShouldContain(expected);
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Fact]
    public async Task A_hundred_thousand_characters_are_refused_with_the_limit()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token, new string('长', 100_000));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"最多 {Feedback.MaxContentLength} 个字，现在是 100000 个字");
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Theory]
    [InlineData("<script>alert('x')</script><img src=x onerror=alert(1)>")]
    [InlineData("'; DROP TABLE Feedback; -- \" OR 1=1")]
    [InlineData("点赞👍🏻😀🇨🇳 家庭👨‍👩‍👧")]
    [InlineData("中文 English Русский العربية ภาษาไทย 日本語")]
    public async Task Markup_sql_emoji_and_mixed_scripts_are_stored_as_plain_text(string content)
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        var response = await FeedbackFormServer.PostAsync(client, item, token, content, anonymous: false, name: "测试");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = server.NewDb();
        (await db.Feedback.Where(f => f.DisclosureId == item).OrderByDescending(f => f.Id).Select(f => f.Content).FirstAsync()).ShouldBe(content);
    }

    [Fact]
    public async Task Markup_sent_back_with_a_refused_form_is_shown_escaped_never_as_markup()
    {
        var item = await server.OnDisplayAsync(Audience.Public);
        using var client = server.NewClient();
        var token = await FeedbackFormServer.TokenAsync(client, item);

        // A too-long name makes the page come back with the typed content in the textarea.
        var response = await FeedbackFormServer.PostAsync(client, item, token, "<script>alert('x')</script>", anonymous: false, name: new string('名', 60));

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("姓名最多 50 个字");
        html.ShouldContain("&lt;script&gt;alert");
        html.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task A_closed_item_says_it_takes_no_feedback_and_a_post_stores_nothing()
    {
        var item = await server.ClosedPublicAsync();
        var before = await server.FeedbackCountAsync(item);
        using var client = server.NewClient();

        var page = await client.GetStringAsync($"/board/{item}/feedback");
        page.ShouldContain("不在公开期内");
        page.ShouldNotContain("__RequestVerificationToken");

        // With a token from an open item's form, the post reaches the page and is still refused.
        var token = await FeedbackFormServer.TokenAsync(client, await server.OnDisplayAsync(Audience.Public));
        var response = await FeedbackFormServer.PostAsync(client, item, token, "已经结束的事项");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不在公开期内");
        (await server.FeedbackCountAsync(item)).ShouldBe(before);
    }

    [Fact]
    public async Task Internal_and_unknown_items_are_not_found_for_an_anonymous_visitor()
    {
        var internalItem = await server.OnDisplayAsync(Audience.AllMembers);
        var before = await server.FeedbackCountAsync(internalItem);
        using var client = server.NewClient();

        (await client.GetAsync($"/board/{internalItem}/feedback")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/board/987654/feedback")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var token = await FeedbackFormServer.TokenAsync(client, await server.OnDisplayAsync(Audience.Public));
        var response = await FeedbackFormServer.PostAsync(client, internalItem, token, "匿名对内部事项的意见");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await server.FeedbackCountAsync(internalItem)).ShouldBe(before);
    }
}
