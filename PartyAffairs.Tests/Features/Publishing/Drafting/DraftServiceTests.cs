using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Publishing.Drafting;

public sealed class DraftServiceTests
{
    private static async Task<(ServiceHarness Harness, ReviewBureau Bureau)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        return (harness, await ReviewBureau.CreateAsync(harness));
    }

    private static async Task<T> AsAsync<T>(ServiceHarness harness, string userName, Func<DraftService, Task<T>> call)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await call(harness.Get<DraftService>(scope));
    }

    private static async Task<int> OpenOccurrenceOfBranchAAsync(ServiceHarness harness, ReviewBureau bureau)
    {
        await using var db = harness.NewDb();
        return await db.Set<CatalogueOccurrence>()
            .Where(o => o.State == OccurrenceState.Open && o.CatalogueItem!.OrganizationId == bureau.BranchA)
            .Select(o => o.Id).FirstAsync();
    }

    private static DraftRequest Request(ServiceHarness harness, string title = "三季度党费收缴", string body = "应缴 12 人，实缴 12 人。",
        double days = 8, bool important = false)
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        return new DraftRequest(title, body, Channel.Board, Audience.AllMembers, now.AddHours(1), now.AddHours(1).AddDays(days), important);
    }

    private static async Task<int> StartOutOfCatalogueAsync(ServiceHarness harness, ReviewBureau bureau) =>
        (await AsAsync(harness, "drafterA", s => s.StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "上级临时要求"))).Value;

    [Fact]
    public async Task Open_occurrences_are_searched_in_sql_within_the_drafters_organizations_and_at_most_as_many_as_asked()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var occurrenceId = await OpenOccurrenceOfBranchAAsync(harness, bureau);
        await using (var db = harness.NewDb())
        {
            var openOfA = await db.Set<CatalogueOccurrence>()
                .CountAsync(o => o.State == OccurrenceState.Open && o.CatalogueItem!.OrganizationId == bureau.BranchA && !o.CatalogueItem.IsRetired);
            var found = (await AsAsync(harness, "drafterA", s => s.FindOpenOccurrencesAsync(null, 100))).Value!;
            found.Count.ShouldBe(openOfA);
            found.Select(o => o.DueDate).ShouldBeInOrder();
        }

        (await AsAsync(harness, "drafterA", s => s.FindOpenOccurrencesAsync("党费", 100))).Value!.ShouldAllBe(o => o.ItemTitle.Contains("党费"));
        (await AsAsync(harness, "drafterA", s => s.FindOpenOccurrencesAsync(null, 1))).Value!.Count.ShouldBe(1);
        (await AsAsync(harness, "drafterA", s => s.FindOpenOccurrencesAsync(null, 5, occurrenceId))).Value!.Select(o => o.Id).ShouldBe([occurrenceId]);
        (await AsAsync(harness, "secretaryB", s => s.FindOpenOccurrencesAsync(null, 5, occurrenceId))).Value!
            .ShouldBeEmpty("branch A's occurrence is not branch B's secretary's to start from");
        (await AsAsync(harness, "secretaryB", s => s.ChoicesAsync())).Value!.Organizations.Only.ShouldBe([bureau.BranchB]);
    }

    [Fact]
    public async Task A_drafter_starts_from_an_open_occurrence_of_their_branch_with_the_items_defaults()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var occurrenceId = await OpenOccurrenceOfBranchAAsync(harness, bureau);

        var choices = await AsAsync(harness, "drafterA", s => s.ChoicesAsync());
        choices.Value!.Occurrences.ShouldContain(o => o.Id == occurrenceId && o.ItemTitle == "党费收缴情况");
        var result = await AsAsync(harness, "drafterA", s => s.StartAsync(occurrenceId));

        result.Succeeded.ShouldBeTrue(result.Message);
        await using var db = harness.NewDb();
        var draft = await db.Disclosures.SingleAsync(d => d.Id == result.Value);
        draft.State.ShouldBe(DisclosureState.Draft);
        draft.CatalogueOccurrenceId.ShouldBe(occurrenceId);
        draft.Audience.ShouldBe(Audience.AllMembers);
        draft.Channels.ShouldBe(Channel.Board);
        draft.Category.ShouldBe(Category.OrganizationalBuilding);
    }

    [Fact]
    public async Task Another_branchs_secretary_cannot_start_from_the_occurrence_and_nothing_changes()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var occurrenceId = await OpenOccurrenceOfBranchAAsync(harness, bureau);
        var before = await ReviewBureau.SnapshotAsync(harness);

        var result = await AsAsync(harness, "secretaryB", s => s.StartAsync(occurrenceId));

        result.Status.ShouldBe(ResultStatus.Forbidden);
        result.Message.ShouldBe("您只能处理本组织的事项。");
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task An_out_of_catalogue_draft_needs_a_reason()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var before = await ReviewBureau.SnapshotAsync(harness);

        var result = await AsAsync(harness, "drafterA", s => s.StartOutOfCatalogueAsync(bureau.BranchA, Category.Other, "  "));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldNotBeNullOrWhiteSpace();
        (await ReviewBureau.SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task Autosave_bumps_the_version_and_a_second_tab_with_the_old_version_gets_a_conflict_without_losing_the_first_save()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var opened = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!;

        var first = await AsAsync(harness, "drafterA", s => s.SaveAsync(id, opened.Version, Request(harness, title: "第一个窗口")));
        var second = await AsAsync(harness, "drafterA", s => s.SaveAsync(id, opened.Version, Request(harness, title: "第二个窗口")));

        first.Succeeded.ShouldBeTrue(first.Message);
        first.Value!.Version.ShouldBe(opened.Version + 1);
        first.Value.SavedAtUtc.ShouldBe(harness.Time.GetUtcNow().UtcDateTime);
        second.Status.ShouldBe(ResultStatus.Conflict);
        await using var db = harness.NewDb();
        (await db.Disclosures.SingleAsync(d => d.Id == id)).Title.ShouldBe("第一个窗口");

        var overwrite = await AsAsync(harness, "drafterA", s => s.SaveAsync(id, first.Value.Version, Request(harness, title: "第二个窗口")));
        overwrite.Succeeded.ShouldBeTrue(overwrite.Message);
    }

    [Fact]
    public async Task A_one_megabyte_body_is_refused_with_a_clear_message()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;

        var result = await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, body: new string('党', 1024 * 1024))));

        result.Status.ShouldBe(ResultStatus.Invalid);
        // Plain text of a megabyte is within the markup cap (2,000,000) and ten times the visible-character limit: that limit speaks.
        result.Message.ShouldBe("正文不能超过 100000 个字符（不计空格，当前 1048576 个）。请精简正文，或把长文件作为附件上传。");
    }

    [Fact]
    public async Task A_display_period_that_ends_before_it_starts_is_saved_and_the_check_names_it()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;

        // Refusing the save lost every keystroke typed after it; the text is kept and the panel names the problem.
        var saved = await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, body: "结束时间填错后又写的正文", days: -1)));
        var check = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));
        var submitted = await SubmitAsync(harness, "drafterA", id, saved.Value!.Version);

        saved.Succeeded.ShouldBeTrue(saved.Message);
        check.Value!.Problems.ShouldBe(["公开结束时间须晚于开始时间。"]);
        check.Value.CanSubmit.ShouldBeFalse();
        submitted.Status.ShouldBe(ResultStatus.Invalid);
        submitted.Message.ShouldBe("公开结束时间须晚于开始时间。");
    }

    [Fact]
    public async Task A_start_that_passes_while_the_page_is_open_is_checked_again_when_it_does()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        version = (await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness)))).Value!.Version;

        var now = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));
        now.Value!.CanSubmit.ShouldBeTrue();
        var recheckAt = now.Value.RecheckAtUtc.ShouldNotBeNull();
        harness.Time.Advance(recheckAt - harness.Time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        var later = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));
        var submitted = await SubmitAsync(harness, "drafterA", id, version);

        later.Value!.Problems.ShouldBe(["公开开始时间不能早于现在。"]);
        later.Value.RecheckAtUtc.ShouldBeNull();
        submitted.Message.ShouldBe("公开开始时间不能早于现在。");
    }

    [Fact]
    public async Task Starting_twice_from_an_occurrence_opens_the_draft_already_under_way()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var occurrenceId = await OpenOccurrenceOfBranchAAsync(harness, bureau);

        var first = await AsAsync(harness, "drafterA", s => s.StartAsync(occurrenceId));
        var second = await AsAsync(harness, "drafterA", s => s.StartAsync(occurrenceId));

        second.Succeeded.ShouldBeTrue(second.Message);
        second.Value.ShouldBe(first.Value);
        await using var db = harness.NewDb();
        (await db.Disclosures.CountAsync(d => d.CatalogueOccurrenceId == occurrenceId && d.State == DisclosureState.Draft)).ShouldBe(1);
    }

    [Fact]
    public async Task The_check_names_the_sensitive_words_in_a_sentence_of_their_own()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, body: "本通知附内部资料一份")));

        var check = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));

        check.Value!.SensitiveMessage.ShouldBe("含有敏感词：内部资料。");
        check.Value.CanSubmit.ShouldBeFalse();
    }

    [Fact]
    public async Task A_rejected_item_resubmitted_unchanged_is_submitted_again()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        version = (await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness)))).Value!.Version;
        (await SubmitAsync(harness, "drafterA", id, version)).Succeeded.ShouldBeTrue();
        var submittedVersion = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        await harness.SignInAsync("office");
        await using (var scope = harness.NewScope())
        {
            var reject = await harness.Get<DisclosureReviewService>(scope).RejectAsync(id, submittedVersion, "请补充附件");
            reject.Succeeded.ShouldBeTrue(reject.Message);
        }

        var rejected = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!;
        var check = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));
        var again = await SubmitAsync(harness, "drafterA", id, rejected.Version);

        rejected.State.ShouldBe(DisclosureState.Rejected);
        check.Value!.CanSubmit.ShouldBeTrue();
        again.Succeeded.ShouldBeTrue(again.Message);
        await using var db = harness.NewDb();
        (await db.Disclosures.SingleAsync(d => d.Id == id)).State.ShouldBe(DisclosureState.Submitted);
    }

    [Fact]
    public async Task A_saved_draft_survives_a_restart()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, body: "<h2>小标题</h2><p>重启前写下的正文</p>")));

        // A fresh scope and context read only what the database holds, as after a server restart.
        var reloaded = await AsAsync(harness, "drafterA", s => s.GetAsync(id));

        reloaded.Value!.Body.ShouldBe("<h2>小标题</h2><p>重启前写下的正文</p>");
        reloaded.Value.CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task An_important_item_shown_six_days_is_flagged_before_submission()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, days: 6, important: true)));

        var check = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));

        check.Value!.Problems.ShouldBe(["重要事项公开时间不少于一周。"]);
        check.Value.CanSubmit.ShouldBeFalse();
    }

    [Fact]
    public async Task A_sensitive_word_blocks_submission_until_the_office_lets_it_through_with_a_reason()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        version = (await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness, body: "本文件原属机密，现已解密。")))).Value!.Version;

        var check = await AsAsync(harness, "drafterA", s => s.CheckAsync(id));
        check.Value!.BlockingHits.ShouldBe(["机密"]);
        var blocked = await SubmitAsync(harness, "drafterA", id, version);
        blocked.Status.ShouldBe(ResultStatus.Invalid);
        blocked.Message.ShouldBe("内容含有敏感词：机密。须经审核人说明理由放行后才能提交。");

        (await AsAsync(harness, "drafterA", s => s.OverrideSensitiveWordsAsync(id, version, "已解密"))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.OverrideSensitiveWordsAsync(id, version, " "))).Status.ShouldBe(ResultStatus.Invalid);
        var overridden = await AsAsync(harness, "office", s => s.OverrideSensitiveWordsAsync(id, version, "已按规定解密"));
        overridden.Succeeded.ShouldBeTrue(overridden.Message);

        var after = await AsAsync(harness, "drafterA", s => s.GetAsync(id));
        after.Value!.OverriddenWords.ShouldBe(["机密"]);
        (await AsAsync(harness, "drafterA", s => s.CheckAsync(id))).Value!.CanSubmit.ShouldBeTrue();
        var submitted = await SubmitAsync(harness, "drafterA", id, after.Value.Version);
        submitted.Succeeded.ShouldBeTrue(submitted.Message);
    }

    [Fact]
    public async Task Submitting_twice_gives_a_clear_message_and_the_draft_stays_submitted_once()
    {
        var (harness, bureau) = await ArrangeAsync();
        await using var _ = harness;
        var id = await StartOutOfCatalogueAsync(harness, bureau);
        var version = (await AsAsync(harness, "drafterA", s => s.GetAsync(id))).Value!.Version;
        version = (await AsAsync(harness, "drafterA", s => s.SaveAsync(id, version, Request(harness)))).Value!.Version;

        var first = await SubmitAsync(harness, "drafterA", id, version);
        var sameClick = await SubmitAsync(harness, "drafterA", id, version);
        await using var db = harness.NewDb();
        var stored = await db.Disclosures.Include(d => d.Versions).SingleAsync(d => d.Id == id);
        var freshClick = await SubmitAsync(harness, "drafterA", id, stored.Version);

        first.Succeeded.ShouldBeTrue(first.Message);
        sameClick.Status.ShouldBe(ResultStatus.Conflict);
        sameClick.Message.ShouldBe("该记录已被他人修改，请刷新后查看最新内容。");
        freshClick.Status.ShouldBe(ResultStatus.Invalid);
        freshClick.Message.ShouldBe("该记录当前的状态不允许此操作。");
        stored.State.ShouldBe(DisclosureState.Submitted);
        stored.Versions.Count.ShouldBe(1);
        (await AsAsync(harness, "drafterA", s => s.SaveAsync(id, stored.Version, Request(harness)))).Status.ShouldBe(ResultStatus.Invalid);
    }

    private static async Task<Result> SubmitAsync(ServiceHarness harness, string userName, int id, int version)
    {
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        return await harness.Get<DisclosureReviewService>(scope).SubmitAsync(id, version);
    }
}
