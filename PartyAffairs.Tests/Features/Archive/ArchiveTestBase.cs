using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Archive;

/// <summary>A test branch, its people and closed disclosures taken through the real workflow, for the archive's tests.</summary>
public abstract class ArchiveTestBase : IAsyncLifetime
{
    protected ServiceHarness harness = null!;
    protected int branchId;
    protected int otherBranchId;
    protected Actor office = null!;
    protected DateTime now;

    /// <summary>The container the tests run in: the test database's, unless a subclass puts it elsewhere.</summary>
    protected virtual Task<ServiceHarness> CreateHarnessAsync() => ServiceHarness.CreateAsync();

    public async Task InitializeAsync()
    {
        harness = await CreateHarnessAsync();
        now = harness.Time.GetUtcNow().UtcDateTime;
        await using var db = harness.NewDb();
        var branch = new Organization("测试党支部", "TST", OrganizationKind.Branch, null, 0);
        var other = new Organization("另一党支部", "LYZB", OrganizationKind.Branch, null, 1);
        db.Organizations.AddRange(branch, other);
        await db.SaveChangesAsync();
        (branchId, otherBranchId) = (branch.Id, other.Id);

        var officeId = await harness.CreateUserAsync("office", null, Roles.Office);
        office = new Actor(officeId, "office", null, new HashSet<string> { Roles.Office });
        await harness.CreateUserAsync("secretary", branchId, Roles.Secretary);
        await harness.CreateUserAsync("other-secretary", otherBranchId, Roles.Secretary);
        await harness.CreateUserAsync("drafter", branchId, Roles.Drafter);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    protected async Task<Result<string>> ArchiveAsync(int disclosureId)
    {
        await using var scope = harness.NewScope();
        return await harness.Get<ArchiveService>(scope).ArchiveAsync(disclosureId);
    }

    protected async Task ShouldHaveNoArchiveAsync()
    {
        await using var db = harness.NewDb();
        (await db.ArchiveRecords.CountAsync()).ShouldBe(0);
        (await db.ArchiveFiles.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ArchiveRecord))).ShouldBe(0);
        Directory.EnumerateFileSystemEntries(Path.Combine(harness.DataDirectory, "archive")).ShouldBeEmpty();
    }

    /// <summary>A disclosure of the test branch taken through the workflow and closed at the end of its display, two days ago unless told.</summary>
    protected async Task<int> ClosedDisclosureAsync(bool withAttachment = false, bool openFeedback = false, bool closedFeedback = false,
        bool close = true, DateTime? closedAt = null, string title = "测试公开事项", string body = "正文", Audience audience = Audience.Public,
        Category category = Category.Other, byte[]? attachmentPdf = null)
    {
        await using var db = harness.NewDb();
        var authorId = await db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync();
        var author = new Actor(authorId, "secretary", branchId, new HashSet<string> { Roles.Secretary });
        var until = closedAt ?? now.AddDays(-2);
        var start = until.AddDays(-10);
        var disclosure = Disclosure.OutOfCatalogue(branchId, category, "测试用目录外事项", Channel.Board, Audience.Public, author, start);
        disclosure.Edit(title, body, Channel.Board, audience, start.AddHours(2), until, false, author, start);
        if (withAttachment)
        {
            var bytes = attachmentPdf ?? System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 test {Guid.NewGuid()}");
            var relative = $"uploads/{Guid.NewGuid():N}.pdf";
            await File.WriteAllBytesAsync(Path.Combine(harness.DataDirectory, relative), bytes);
            var attachment = new Attachment("附件.pdf", "application/pdf", bytes.Length, Hash(bytes), relative, author, start);
            // Read as an upload reads it, so the archive can index its text.
            var (state, text) = AttachmentTextReader.Read(bytes, attachment.ContentType);
            attachment.RecordText(state, text);
            disclosure.AddAttachment(attachment);
        }
        disclosure.Submit(author, start.AddHours(1), []);
        disclosure.Approve(office, start.AddHours(1.5), confidentialityConfirmed: true);
        disclosure.Publish(Actor.System, start.AddHours(2));
        db.Disclosures.Add(disclosure);
        if (openFeedback || closedFeedback)
        {
            var feedback = Feedback.Online(disclosure, "意见", true, null, null, Actor.Anonymous, start.AddHours(3), null);
            if (closedFeedback)
            {
                feedback.Assign(office, start.AddHours(4), office.UserId, office.DisplayName, null);
                feedback.AnswerWith(office, start.AddHours(5), "答复", null);
                feedback.ReportTo(office, start.AddHours(6), office.UserId, "书记", "结果", null, null);
                feedback.Acknowledge(office, start.AddHours(7), null, await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync(),
                    harness.Services.GetRequiredService<BureauClock>().Zone);
                feedback.Close(office, start.AddHours(8));
            }
            db.Feedback.Add(feedback);
        }
        if (close) disclosure.Close(Actor.System, until);
        await db.SaveChangesAsync();
        return disclosure.Id;
    }

    protected static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
