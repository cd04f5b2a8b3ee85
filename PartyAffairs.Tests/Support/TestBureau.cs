using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// A small bureau built through the domain, as the workflow-step tests need it: the organ committee and two
/// branches (A and B), and one person per role — office, leader, handler and admin at the committee;
/// secA, drafterA, memberA in branch A; secB, memberB in branch B. Records are created and moved through
/// their states by the entities themselves, at times the test chooses.
/// </summary>
public sealed class TestBureau
{
    private readonly ServiceHarness harness;
    private readonly Dictionary<string, Actor> actors = [];

    private TestBureau(ServiceHarness harness) => this.harness = harness;

    public int CommitteeId { get; private set; }
    public int BranchAId { get; private set; }
    public int BranchBId { get; private set; }

    public Actor this[string userName] => actors[userName];

    public DateTime Now => harness.Time.GetUtcNow().UtcDateTime;

    public static async Task<TestBureau> CreateAsync(ServiceHarness harness)
    {
        var bureau = new TestBureau(harness);
        await using (var db = harness.NewDb())
        {
            var committee = new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 0);
            db.Organizations.Add(committee);
            await db.SaveChangesAsync();
            var branchA = new Organization("第一党支部", "DYZB", OrganizationKind.Branch, committee.Id, 1);
            var branchB = new Organization("第二党支部", "DEZB", OrganizationKind.Branch, committee.Id, 2);
            db.Organizations.AddRange(branchA, branchB);
            await db.SaveChangesAsync();
            (bureau.CommitteeId, bureau.BranchAId, bureau.BranchBId) = (committee.Id, branchA.Id, branchB.Id);
        }
        await bureau.AddPersonAsync("office", bureau.CommitteeId, Roles.Office);
        await bureau.AddPersonAsync("leader", bureau.CommitteeId, Roles.Leader);
        await bureau.AddPersonAsync("handler", bureau.CommitteeId, Roles.FeedbackHandler);
        await bureau.AddPersonAsync("secA", bureau.BranchAId, Roles.Secretary, Roles.Member);
        await bureau.AddPersonAsync("drafterA", bureau.BranchAId, Roles.Drafter, Roles.Member);
        await bureau.AddPersonAsync("memberA", bureau.BranchAId, Roles.Member);
        await bureau.AddPersonAsync("secB", bureau.BranchBId, Roles.Secretary, Roles.Member);
        await bureau.AddPersonAsync("memberB", bureau.BranchBId, Roles.Member);
        // The harness's first start already made a pure Admin called "admin".
        return bureau;
    }

    private async Task AddPersonAsync(string userName, int organizationId, params string[] roles)
    {
        var id = await harness.CreateUserAsync(userName, organizationId, roles);
        actors[userName] = new Actor(id, userName, organizationId, roles.ToHashSet());
    }

    /// <summary>A year's catalogue in the given state; returns each item's occurrence ids by item title.</summary>
    public async Task<IReadOnlyDictionary<string, int[]>> CatalogueAsync(int year, CatalogueState state, params PlannedItem[] items)
    {
        var office = actors["office"];
        var at = new DateTime(year - 1, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var catalogue = new Catalogue(year, $"{year}年度党务公开目录", null, office, at);
        foreach (var planned in items)
        {
            var item = catalogue.AddItem(new CatalogueItem(planned.OrganizationId, planned.Category, planned.Title, planned.Title + "的内容",
                Channel.Board | Channel.Meeting, planned.Audience, planned.Cadence, planned.Standing, "张书记",
                planned.Cadence == Cadence.Phased ? ["第一阶段"] : null));
            for (var i = 0; i < planned.DueDates.Count; i++)
            {
                item.Occurrences.Add(new CatalogueOccurrence(i + 1, $"第{i + 1}期", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), planned.DueDates[i]));
            }
        }
        await using var db = harness.NewDb();
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();
        if (state >= CatalogueState.Submitted) catalogue.Submit(office, at);
        if (state >= CatalogueState.Approved) catalogue.Approve(actors["leader"], at);
        if (state >= CatalogueState.InForce) catalogue.PutInForce(office, at);
        await db.SaveChangesAsync();
        return catalogue.Items.ToDictionary(i => i.Title, i => i.Occurrences.OrderBy(o => o.Sequence).Select(o => o.Id).ToArray());
    }

    public async Task CancelOccurrenceAsync(int occurrenceId)
    {
        await using var db = harness.NewDb();
        (await db.CatalogueOccurrences.SingleAsync(o => o.Id == occurrenceId)).Cancel();
        await db.SaveChangesAsync();
    }

    /// <summary>A disclosure fulfilling the occurrence, taken to <paramref name="state"/> at <paramref name="atUtc"/> (publishing fulfils the occurrence).</summary>
    public async Task<int> ForOccurrenceAsync(int occurrenceId, string title, DisclosureState state, DateTime atUtc, string author = "secA")
    {
        await using var db = harness.NewDb();
        var occurrence = await db.CatalogueOccurrences.Include(o => o.CatalogueItem).SingleAsync(o => o.Id == occurrenceId);
        var disclosure = Disclosure.ForOccurrence(occurrence, occurrence.CatalogueItem!, actors[author], atUtc);
        return await SaveThroughAsync(db, disclosure, title, state, atUtc, author);
    }

    /// <summary>An out-of-catalogue disclosure of the organization, taken to <paramref name="state"/> at <paramref name="atUtc"/>.</summary>
    public async Task<int> OutOfCatalogueAsync(int organizationId, string title, Audience audience, DisclosureState state, DateTime atUtc, string author = "office")
    {
        await using var db = harness.NewDb();
        var disclosure = Disclosure.OutOfCatalogue(organizationId, Category.Other, "临时增加的事项", Channel.Board, audience, actors[author], atUtc);
        return await SaveThroughAsync(db, disclosure, title, state, atUtc, author);
    }

    private async Task<int> SaveThroughAsync(AppDbContext db, Disclosure disclosure, string title, DisclosureState state, DateTime atUtc, string author)
    {
        var writer = actors[author];
        disclosure.Edit(title, $"<h2>{System.Net.WebUtility.HtmlEncode(title)}</h2><p>正文。</p>", disclosure.Channels, disclosure.Audience, atUtc, atUtc.AddDays(7), false, writer, atUtc);
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync();
        if (state == DisclosureState.Withdrawn) disclosure.Withdraw(writer, atUtc, "不再公开");
        if (state is not (DisclosureState.Draft or DisclosureState.Withdrawn)) disclosure.Submit(writer, atUtc, []);
        if (state == DisclosureState.Rejected) disclosure.Reject(actors["office"], atUtc, "请补充内容");
        // Nobody approves their own out-of-catalogue item: the Office's own goes to a Leader.
        var approver = author == "office" && actors.ContainsKey("leader") ? actors["leader"] : actors["office"];
        if (state is DisclosureState.Approved or DisclosureState.Published or DisclosureState.Closed) disclosure.Approve(approver, atUtc, true);
        if (state is DisclosureState.Published or DisclosureState.Closed) disclosure.Publish(Actor.System, atUtc);
        // Closed at the end of its week on display: it served its period, so it still fulfils its occurrence.
        if (state == DisclosureState.Closed) disclosure.Close(Actor.System, disclosure.DisplayUntilUtc);
        await db.SaveChangesAsync();
        return disclosure.Id;
    }

    /// <summary>Feedback registered by the handler (a letter), optionally taken through every step to Closed.</summary>
    public async Task<int> FeedbackAsync(int disclosureId, DateTime receivedAtUtc, DateTime? stepDueAtUtc, bool closed = false)
    {
        await using var db = harness.NewDb();
        var handler = actors["handler"];
        var disclosure = await db.Disclosures.SingleAsync(d => d.Id == disclosureId);
        var feedback = Feedback.Offline(disclosure, FeedbackChannel.Letter, "建议公开更详细的经费明细。", "张三", null, receivedAtUtc, handler, receivedAtUtc, stepDueAtUtc);
        if (closed)
        {
            feedback.Assign(handler, receivedAtUtc, handler.UserId, handler.DisplayName, stepDueAtUtc);
            feedback.AnswerWith(handler, receivedAtUtc, "已补充。", stepDueAtUtc);
            var leader = actors["leader"];
            feedback.ReportTo(handler, receivedAtUtc, leader.UserId, leader.DisplayName, "已公开补充的明细。", null, stepDueAtUtc);
            feedback.Acknowledge(leader, receivedAtUtc, stepDueAtUtc, await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync(),
                harness.Services.GetRequiredService<BureauClock>().Zone);
            feedback.Close(handler, receivedAtUtc);
        }
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync();
        return feedback.Id;
    }

    /// <summary>An archive record of a closed disclosure, numbered by the test (the archiving service comes later).</summary>
    public async Task<int> ArchiveAsync(int closedDisclosureId, int year, int sequence, long chainIndex)
    {
        await using var db = harness.NewDb();
        var disclosure = await db.Disclosures.SingleAsync(d => d.Id == closedDisclosureId);
        var organization = await db.Organizations.SingleAsync(o => o.Id == disclosure.OrganizationId);
        var json = $"{{\"id\":{disclosure.Id}}}";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var feedback = await db.Feedback.Where(f => f.DisclosureId == closedDisclosureId).ToListAsync();
        var archived = await db.ArchiveRecords.AnyAsync(r => r.DisclosureId == closedDisclosureId);
        var record = ArchiveRecord.Archive(disclosure, archived, feedback, organization.Code, year, sequence, actors["office"], Now, chainIndex, json, null, digest, []);
        db.ArchiveRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}
