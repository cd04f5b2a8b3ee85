using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.BoardPostings;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The demo bureau's posted boards and mailbox feedback: real records the postings page and the assessment show.</summary>
public sealed class DemoPostingsAndMailboxTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task Several_organizations_posted_boards_in_different_quarters_each_with_a_stored_photo_and_items_it_could_carry()
    {
        await using var db = harness.NewDb();
        var postings = await db.BoardPostings.Include(p => p.Items).ToListAsync();

        postings.Count.ShouldBeGreaterThanOrEqualTo(4);
        postings.Select(p => p.OrganizationId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);
        postings.Select(p => (p.PostedOn.Year, BoardPostingRules.QuarterOf(p.PostedOn))).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);
        foreach (var posting in postings)
        {
            posting.Items.ShouldNotBeEmpty();
            posting.PhotoContentType.ShouldBe("image/png");
            posting.PhotoStoredPath.ShouldStartWith("uploads/postings/");
            var bytes = await File.ReadAllBytesAsync(Path.Combine(harness.DataDirectory, posting.PhotoStoredPath));
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(posting.PhotoSha256);
            var ids = posting.Items.Select(i => i.DisclosureId).ToList();
            (await db.Disclosures.Where(d => ids.Contains(d.Id)).ToListAsync())
                .ShouldAllBe(d => (d.Channels & Channel.Board) == Channel.Board && d.PublishedAtUtc != null);
        }
    }

    [Fact]
    public async Task The_mailbox_has_feedback_of_every_kind_in_several_states_under_the_organ_committee()
    {
        await using var db = harness.NewDb();
        var mailbox = await db.Feedback.Where(f => f.DisclosureId == null).ToListAsync();
        var committee = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync();

        mailbox.Select(f => f.Kind).Distinct().Order().ShouldBe(Enum.GetValues<FeedbackKind>().Cast<FeedbackKind?>());
        mailbox.Select(f => f.State).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        mailbox.ShouldAllBe(f => f.OrganizationId == committee);
        mailbox.ShouldContain(f => f.SenderReply != null);
    }

    [Fact]
    public async Task The_assessment_of_the_last_half_year_shows_the_posted_boards_and_the_mailbox_by_kind()
    {
        await harness.SignInAsync("leader");
        await using var scope = harness.NewScope();
        var service = harness.Get<AssessmentQueryService>(scope);
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime.AddHours(8));
        await using var db = harness.NewDb();
        var posted = await db.BoardPostings.CountAsync(p => p.PostedOn.Year == today.Year);

        var year = (await service.GetAsync(AssessmentPeriod.OfYear(today.Year))).Value!;

        year.Total.BoardPostings.Total.ShouldBe(posted);
        posted.ShouldBeGreaterThan(0);
        (year.Total.MailboxSuggestions, year.Total.MailboxUndisclosed, year.Total.MailboxOther).ShouldBe((2, 1, 1));
        var committee = year.Rows.Single(r => r.OrganizationName == "机关党委");
        (committee.MailboxSuggestions + committee.MailboxUndisclosed + committee.MailboxOther).ShouldBe(4);
        (await service.ItemsAsync(AssessmentPeriod.OfYear(today.Year), null, AssessmentMeasure.BoardPostings)).Value!.Count.ShouldBe(posted);
    }
}
