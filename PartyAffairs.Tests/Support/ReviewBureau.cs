using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// A small bureau for service tests: two branches with their people, this year's catalogue in force
/// with one quarterly item, and submitted disclosures in branch A — one in the catalogue, one outside it.
/// </summary>
public sealed record ReviewBureau(int BranchA, int BranchB, int Committee, int InCatalogueId, int OutOfCatalogueId)
{
    public static async Task<ReviewBureau> CreateAsync(ServiceHarness harness)
    {
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var setup = new Actor("setup", "setup", null, new HashSet<string>());
        await using var db = harness.NewDb();
        var committee = new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 0);
        db.Organizations.Add(committee);
        await db.SaveChangesAsync();
        var a = new Organization("机关第一党支部", "DY1ZB", OrganizationKind.Branch, committee.Id, 1);
        var b = new Organization("机关第二党支部", "DE2ZB", OrganizationKind.Branch, committee.Id, 2);
        db.Organizations.AddRange(a, b);
        await db.SaveChangesAsync();

        var drafterId = await harness.CreateUserAsync("drafterA", a.Id, Roles.Drafter, Roles.Member);
        await harness.CreateUserAsync("secretaryA", a.Id, Roles.Secretary, Roles.Member);
        await harness.CreateUserAsync("secretaryB", b.Id, Roles.Secretary, Roles.Member);
        await harness.CreateUserAsync("office", committee.Id, Roles.Office, Roles.Member);
        await harness.CreateUserAsync("leader", committee.Id, Roles.Leader, Roles.Member);
        var drafter = new Actor(drafterId, "drafterA", a.Id, new HashSet<string> { Roles.Drafter });

        var catalogue = new Catalogue(now.Year, "目录", null, setup, now);
        var item = catalogue.AddItem(new CatalogueItem(a.Id, Category.OrganizationalBuilding, "党费收缴情况", "", Channel.Board,
            Audience.AllMembers, Cadence.Quarterly, false, "组织委员"));
        foreach (var (seq, label, start, end) in item.PlanPeriods(now.Year))
            item.Occurrences.Add(new CatalogueOccurrence(seq, label, start, end, end.AddDays(7)));
        catalogue.Submit(setup, now);
        catalogue.Approve(new Actor("setup-leader", "setup", null, new HashSet<string>()), now);
        catalogue.PutInForce(setup, now);
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();

        var occurrence = item.Occurrences.First(o => o.State == OccurrenceState.Open);
        var inCatalogue = Disclosure.ForOccurrence(occurrence, item, drafter, now);
        inCatalogue.Edit("党费收缴情况", "本季度应缴 12 人，实缴 12 人。", Channel.Board, Audience.AllMembers, now.AddHours(1), now.AddDays(8), false, drafter, now);
        inCatalogue.Submit(drafter, now, []);
        var outOfCatalogue = Disclosure.OutOfCatalogue(a.Id, Category.Other, "上级临时要求", Channel.Board, Audience.Public, drafter, now);
        outOfCatalogue.Edit("临时公开事项", "内容", Channel.Board, Audience.Public, now.AddHours(1), now.AddDays(8), false, drafter, now);
        outOfCatalogue.Submit(drafter, now, []);
        db.Disclosures.AddRange(inCatalogue, outOfCatalogue);
        await db.SaveChangesAsync();
        return new ReviewBureau(a.Id, b.Id, committee.Id, inCatalogue.Id, outOfCatalogue.Id);
    }

    /// <summary>A fingerprint of everything a refused call must leave alone.</summary>
    public static async Task<string> SnapshotAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var disclosures = await db.Disclosures.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => $"{d.Id}:{d.State}:{d.Version}:{d.ReviewComment}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        var approvals = await db.Approvals.CountAsync();
        return $"{string.Join("|", disclosures)}#audit={audit}#approvals={approvals}";
    }
}
