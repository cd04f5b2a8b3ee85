using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.FeedbackHandling;

/// <summary>Who may give feedback online on which item, and when.</summary>
public sealed class FeedbackSubmissionServiceTests
{
    private static async Task<Result<int>> SubmitAs(ServiceHarness harness, string? user, int disclosureId, string content = "意见")
    {
        if (user is null) harness.Auth.SignOut();
        else await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await harness.Get<FeedbackSubmissionService>(scope).SubmitAsync(new FeedbackSubmission(disclosureId, content, false, "王五", "电话"));
    }

    [Fact]
    public async Task Anyone_on_a_public_item_members_on_internal_ones_and_nobody_outside_the_audience()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var at = bureau.Now.AddDays(-1);
        var open = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "公开", Audience.Public, DisclosureState.Published, at);
        var members = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "全体党员", Audience.AllMembers, DisclosureState.Published, at);
        var branch = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "本支部", Audience.Organization, DisclosureState.Published, at);
        var closed = await bureau.OutOfCatalogueAsync(bureau.BranchAId, "已结束", Audience.Public, DisclosureState.Closed, at);

        (await SubmitAs(harness, null, open)).Succeeded.ShouldBeTrue();
        (await SubmitAs(harness, null, members)).Status.ShouldBe(ResultStatus.NotFound);
        (await SubmitAs(harness, null, 987654)).Status.ShouldBe(ResultStatus.NotFound);
        (await SubmitAs(harness, "memberB", members)).Succeeded.ShouldBeTrue();
        (await SubmitAs(harness, "memberB", branch)).Status.ShouldBe(ResultStatus.NotFound);
        (await SubmitAs(harness, "memberA", branch)).Succeeded.ShouldBeTrue();
        (await SubmitAs(harness, "memberA", closed)).Status.ShouldBe(ResultStatus.Invalid);
        (await SubmitAs(harness, null, open, "  ")).Status.ShouldBe(ResultStatus.Invalid);

        await using var db = harness.NewDb();
        var stored = await db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        stored.Count.ShouldBe(3);
        stored[1].SubmittedById.ShouldBe(bureau["memberB"].UserId);
        stored[1].SenderName.ShouldBe("王五");
        stored.ShouldAllBe(f => f.State == FeedbackState.Received && f.StepDueAtUtc != null);
    }
}
