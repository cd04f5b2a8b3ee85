using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Home;

/// <summary>
/// A small bureau at <see cref="ServiceHarness.DefaultNow"/> (Thursday 2026-11-26 in Beijing), built
/// through the domain's own constructors and transitions: two branches, a catalogue in force with
/// occurrences overdue, due soon and due later, a submitted catalogue for 2027, disclosures in every
/// state a home card counts, and feedback, one of it late.
/// </summary>
public sealed class HomeScenario
{
    public int Committee { get; private set; }
    public int Branch1 { get; private set; }
    public int Branch2 { get; private set; }
    public int DraftId { get; private set; }
    public int RejectedId { get; private set; }
    public int SubmittedInCatalogueId { get; private set; }
    public int SubmittedOutOfCatalogueId { get; private set; }
    public string RejectionComment => "请补充收缴明细";

    public static async Task<HomeScenario> BuildAsync(ServiceHarness harness)
    {
        var s = new HomeScenario();
        var now = harness.Time.GetUtcNow().UtcDateTime;

        await using (var db = harness.NewDb())
        {
            var committee = new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 0);
            db.Organizations.Add(committee);
            await db.SaveChangesAsync();
            var branch1 = new Organization("第一党支部", "DYZB", OrganizationKind.Branch, committee.Id, 1);
            var branch2 = new Organization("第二党支部", "DEZB", OrganizationKind.Branch, committee.Id, 2);
            db.Organizations.AddRange(branch1, branch2);
            await db.SaveChangesAsync();
            (s.Committee, s.Branch1, s.Branch2) = (committee.Id, branch1.Id, branch2.Id);
        }

        var secretaryId = await harness.CreateUserAsync("secretary", s.Branch1, Roles.Secretary, Roles.Member);
        var drafterId = await harness.CreateUserAsync("drafter", s.Branch1, Roles.Drafter, Roles.Member);
        var officeId = await harness.CreateUserAsync("office", s.Committee, Roles.Office);
        await harness.CreateUserAsync("leader", s.Committee, Roles.Leader);
        await harness.CreateUserAsync("handler", s.Committee, Roles.FeedbackHandler);
        var member2Id = await harness.CreateUserAsync("member2", s.Branch2, Roles.Member);

        var secretary = new Actor(secretaryId, "secretary", s.Branch1, new HashSet<string> { Roles.Secretary, Roles.Member });
        var drafter = new Actor(drafterId, "drafter", s.Branch1, new HashSet<string> { Roles.Drafter, Roles.Member });
        var office = new Actor(officeId, "office", s.Committee, new HashSet<string> { Roles.Office });
        var member2 = new Actor(member2Id, "member2", s.Branch2, new HashSet<string> { Roles.Member });

        await using var data = harness.NewDb();
        var inForce = new Catalogue(2026, "2026年度党务公开目录", "市直机关模板", office, now);
        var dues = inForce.AddItem(Item(s.Branch1, "党费收缴情况", Cadence.Quarterly));
        var q3 = Occurrence(dues, 3, "2026-Q3", new DateOnly(2026, 11, 20));
        var q4 = Occurrence(dues, 4, "2026-Q4", new DateOnly(2026, 12, 5));
        var later = Occurrence(dues, 5, "2027-Q1", new DateOnly(2027, 1, 10));
        var other = inForce.AddItem(Item(s.Branch2, "组织生活会情况", Cadence.Monthly));
        Occurrence(other, 1, "2026-11", new DateOnly(2026, 11, 30));
        Occurrence(other, 2, "2026-10", new DateOnly(2026, 11, 1));
        inForce.Submit(office, now);
        inForce.Approve(Colleague, now);
        inForce.PutInForce(office, now);

        // Submitted, not in force: its overdue occurrence must not count anywhere.
        var next = new Catalogue(2027, "2027年度党务公开目录", "2026", office, now);
        var nextItem = next.AddItem(Item(s.Branch1, "发展党员情况", Cadence.Yearly));
        Occurrence(nextItem, 1, "2027", new DateOnly(2026, 11, 2));
        next.Submit(office, now);
        data.Catalogues.AddRange(inForce, next);
        await data.SaveChangesAsync();

        var draft = Disclosure.ForOccurrence(q4, dues, drafter, now);
        Fill(draft, "第四季度党费收缴情况", Audience.Organization, drafter, now);

        var rejected = Disclosure.ForOccurrence(later, dues, drafter, now);
        Fill(rejected, "2027年第一季度党费收缴计划", Audience.Organization, drafter, now);
        rejected.Submit(drafter, now, []);
        rejected.Reject(secretary, now, s.RejectionComment);

        var inCatalogue = Disclosure.ForOccurrence(q3, dues, drafter, now);
        Fill(inCatalogue, "第三季度党费收缴情况", Audience.Organization, drafter, now);
        inCatalogue.Submit(drafter, now, []);

        var outOfCatalogue = Disclosure.OutOfCatalogue(s.Branch1, Category.Other, "上级临时要求公开", Channel.Board, Audience.AllMembers, secretary, now);
        Fill(outOfCatalogue, "关于开展主题党日活动的通知", Audience.AllMembers, secretary, now);
        outOfCatalogue.Submit(secretary, now, []);

        var allMembers = Published(s.Branch2, "第二党支部换届选举结果", Audience.AllMembers, office, now);
        var ownOnly = Published(s.Branch2, "第二党支部党费使用情况", Audience.Organization, office, now);
        var forPublic = Published(s.Branch1, "第一党支部服务群众承诺", Audience.Public, office, now);
        data.Disclosures.AddRange(draft, rejected, inCatalogue, outOfCatalogue, allMembers, ownOnly, forPublic);
        await data.SaveChangesAsync();
        (s.DraftId, s.RejectedId, s.SubmittedInCatalogueId, s.SubmittedOutOfCatalogueId) = (draft.Id, rejected.Id, inCatalogue.Id, outOfCatalogue.Id);

        data.Feedback.AddRange(
            Feedback.Online(forPublic, "希望公开更多细节", false, "张三", null, Actor.Anonymous, now, now.AddHours(-1)),
            Feedback.Online(allMembers, "结果很清楚", false, null, null, member2, now, now.AddDays(3)));
        await data.SaveChangesAsync();
        return s;
    }

    private static CatalogueItem Item(int organizationId, string title, Cadence cadence) =>
        new(organizationId, Category.OrganizationalBuilding, title, title + "的公开说明", Channel.Board, Audience.Organization, cadence, false, "支部书记");

    private static CatalogueOccurrence Occurrence(CatalogueItem item, int sequence, string label, DateOnly due)
    {
        var occurrence = new CatalogueOccurrence(sequence, label, due.AddMonths(-1), due.AddDays(-1), due);
        item.Occurrences.Add(occurrence);
        return occurrence;
    }

    private static void Fill(Disclosure d, string title, Audience audience, Actor actor, DateTime now) =>
        d.Edit(title, title + "：具体内容。", Channel.Board, audience, now, now.AddDays(7), false, actor, now);

    /// <summary>Another member of the Office: nobody approves their own catalogue or out-of-catalogue item.</summary>
    private static readonly Actor Colleague = new("office-colleague", "办公室同事", null, new HashSet<string> { Roles.Office });

    private static Disclosure Published(int organizationId, string title, Audience audience, Actor office, DateTime now)
    {
        var d = Disclosure.OutOfCatalogue(organizationId, Category.OrganizationalBuilding, "专项公开", Channel.Board, audience, office, now);
        Fill(d, title, audience, office, now);
        d.Submit(office, now, []);
        d.Approve(Colleague, now, confidentialityConfirmed: true);
        d.Publish(office, now);
        return d;
    }
}
