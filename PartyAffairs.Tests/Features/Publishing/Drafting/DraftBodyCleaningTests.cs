using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Publishing.Lifecycle;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using static PartyAffairs.Tests.Features.Publishing.PublishingFixture;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

/// <summary>What a draft's body becomes when saved: the allow-list, with only the draft's own files as images.</summary>
public sealed class DraftBodyCleaningTests
{
    private static async Task<(ServiceHarness Harness, ReviewBureau Bureau)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await ReviewBureau.CreateAsync(harness));
    }

    private static async Task<Result<DraftSaved>> SaveAsync(ServiceHarness harness, int draft, string body)
    {
        await harness.SignInAsync("drafterA");
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using var scope = harness.NewScope();
        return await harness.Get<DraftService>(scope).SaveAsync(draft, await VersionOfAsync(harness, draft),
            new DraftRequest("标题", body, Channel.Board, Audience.Public, now, now.AddDays(8), false));
    }

    private static async Task<string> BodyOfAsync(ServiceHarness harness, int draft)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == draft).Select(d => d.Body).SingleAsync();
    }

    private static async Task<int> AttachmentOfAsync(ServiceHarness harness, int draft)
    {
        await using var db = harness.NewDb();
        return await db.Attachments.Where(a => a.DisclosureId == draft).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task A_saved_body_is_cleaned_and_keeps_only_images_that_are_the_drafts_own_files()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var other = await DraftAsync(harness, bureau.BranchA, Audience.Organization);
        (await UploadAsync(harness, "drafterA", draft, "合影.png", Seeded.Png())).Succeeded.ShouldBeTrue();
        (await UploadAsync(harness, "drafterA", other, "内部.png", Seeded.Png())).Succeeded.ShouldBeTrue();
        var own = await AttachmentOfAsync(harness, draft);
        var foreign = await AttachmentOfAsync(harness, other);

        var saved = await SaveAsync(harness, draft,
            "<p style=\"font-family: 宋体; mso-bidi-font-size: 12pt\" onclick=\"x()\">正文<script>alert(1)</script></p>" +
            $"<p><img src=\"/attachments/{own}\"><img src=\"/attachments/{foreign}\"><img src=\"https://example.org/x.png\"><img src=\"data:image/png;base64,AAAA\"></p>" +
            "<p><a href=\"javascript:alert(1)\">链接</a></p>");

        saved.Succeeded.ShouldBeTrue(saved.Message);
        (await BodyOfAsync(harness, draft)).ShouldBe($"<p>正文</p><p><img src=\"/attachments/{own}\"></p><p>链接</p>");
    }

    [Fact]
    public async Task The_length_limit_counts_visible_characters_and_the_markup_has_a_limit_of_its_own()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var draft = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        var max = DraftRequestValidator.MaxBodyLength;

        // A full-length body in heavy formatting is far longer as HTML than as text, and it saves.
        var full = string.Concat(Enumerable.Repeat($"<p><strong>{new string('党', 50)}</strong>{new string('党', 50)}</p>", max / 100));
        full.Length.ShouldBeGreaterThan(max);
        (await SaveAsync(harness, draft, full)).Succeeded.ShouldBeTrue();
        var over = await SaveAsync(harness, draft, "<p>" + new string('党', max + 1) + "</p>");
        over.Status.ShouldBe(ResultStatus.Invalid);
        over.Message.ShouldBe($"正文不能超过 {max} 个字符（不计空格，当前 {max + 1} 个）。请精简正文，或把长文件作为附件上传。");
        var markup = await SaveAsync(harness, draft, "<p>" + string.Concat(Enumerable.Repeat("<span></span>", 160_000)) + "正文</p>");
        markup.Status.ShouldBe(ResultStatus.Invalid);
        markup.Message!.ShouldStartWith("正文连同格式代码过长（");
    }

    [Fact]
    public async Task A_correction_starts_with_its_images_pointed_at_its_own_copies_of_the_files()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var original = await DraftAsync(harness, bureau.BranchA, Audience.Public);
        (await UploadAsync(harness, "drafterA", original, "合影.png", Seeded.Png())).Succeeded.ShouldBeTrue();
        var file = await AttachmentOfAsync(harness, original);
        (await SaveAsync(harness, original, $"<p>合影如下</p><p><img src=\"/attachments/{file}\"></p>")).Succeeded.ShouldBeTrue();
        await PublishAsync(harness, original);

        await harness.SignInAsync("drafterA");
        int revision;
        await using (var scope = harness.NewScope())
        {
            var opened = await harness.Get<DisclosureLifecycleService>(scope).ReviseAsync(original, "更正合影说明");
            opened.Succeeded.ShouldBeTrue(opened.Message);
            revision = opened.Value;
        }

        var copy = await AttachmentOfAsync(harness, revision);
        copy.ShouldNotBe(file);
        (await BodyOfAsync(harness, revision)).ShouldBe($"<p>合影如下</p><p><img src=\"/attachments/{copy}\"></p>");
        (await BodyOfAsync(harness, original)).ShouldBe($"<p>合影如下</p><p><img src=\"/attachments/{file}\"></p>");
    }

    private static class Seeded
    {
        public static byte[] Png() => App.Hosting.Seeding.DemoFiles.BoardPng();
    }
}
