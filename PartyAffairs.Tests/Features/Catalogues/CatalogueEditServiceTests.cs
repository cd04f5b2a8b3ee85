using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Comparison;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class CatalogueEditServiceTests
{
    private static CatalogueItemRequest Request(int organizationId, string title, Cadence cadence = Cadence.Quarterly) => new()
    {
        OrganizationId = organizationId,
        Title = title,
        Description = title + "的内容",
        Channels = Channel.Board | Channel.Meeting,
        Cadence = cadence,
        ResponsiblePerson = "张书记",
    };

    private static async Task<T> AsAsync<T>(ServiceHarness harness, string user, Func<CatalogueEditService, Task<T>> call)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await call(harness.Get<CatalogueEditService>(scope));
    }

    private static async Task<int> DraftAsync(ServiceHarness harness, int year = 2026)
    {
        var created = await AsAsync(harness, "office", s => s.CreateDraftAsync(year, ""));
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value;
    }

    private static async Task<int> AddAsync(ServiceHarness harness, string user, int catalogueId, CatalogueItemRequest request)
    {
        var added = await AsAsync(harness, user, s => s.AddItemAsync(catalogueId, request));
        added.Succeeded.ShouldBeTrue(added.Message);
        return added.Value;
    }

    private static async Task<CatalogueItem> ItemAsync(ServiceHarness harness, int itemId)
    {
        await using var db = harness.NewDb();
        return await db.CatalogueItems.Include(i => i.Occurrences).SingleAsync(i => i.Id == itemId);
    }

    private static async Task<int> VersionAsync(ServiceHarness harness, int catalogueId)
    {
        await using var db = harness.NewDb();
        return await db.Catalogues.Where(c => c.Id == catalogueId).Select(c => c.Version).SingleAsync();
    }

    [Fact]
    public async Task The_workspace_carries_the_template_comparisons_counts_and_the_panel_reads_a_bounded_list()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        foreach (var title in new[] { "党员大会", "支委会", "党小组会", "党课", "党费收缴" })
            await AddAsync(harness, "office", catalogueId, Request(bureau.BranchAId, title));
        await using (var db = harness.NewDb())
        {
            var lines = await db.CatalogueItems.Include(i => i.Organization).Where(i => i.CatalogueId == catalogueId).OrderBy(i => i.Id)
                .ToListAsync();
            var rows = lines.Select(i => CatalogueRow.From(i, i.Organization!.Name)).ToList();
            // The template: two lines as they are, one worded differently, three the catalogue no longer has.
            var template = rows.Take(2)
                .Append(rows[2] with { Description = "另一种说法" })
                .Concat(new[] { "甲", "乙", "丙" }.Select(t => rows[0] with { Title = "模板事项" + t }));
            var catalogue = await db.Catalogues.SingleAsync(c => c.Id == catalogueId);
            catalogue.RecordTemplate(CatalogueRow.ToJson(template));
            await db.SaveChangesAsync();
        }

        var workspace = await AsAsync(harness, "office", s => s.GetWorkspaceAsync(catalogueId));
        workspace.Value!.Template.ShouldBe(new TemplateComparisonSummary(Added: 2, Removed: 3, Changed: 1));
        var view = await AsAsync(harness, "office", s => s.GetTemplateComparisonAsync(catalogueId, RowFormat.Invariant, limit: 2));
        view.Value!.Counts.ShouldBe(new TemplateComparisonSummary(2, 3, 1));
        view.Value.Shown.Removed.Count.ShouldBe(2);
        view.Value.Shown.Added.Select(r => r.Title).ShouldBe(["党课", "党费收缴"]);
        view.Value.Shown.Changed.Single().ChangedFields.Single().Field.ShouldBe("Description");
        // A member reads the counts like the page; one who may not read the catalogue's work is refused the lines too.
        (await AsAsync(harness, "memberA", s => s.GetTemplateComparisonAsync(catalogueId, RowFormat.Invariant, 2))).Succeeded
            .ShouldBe((await AsAsync(harness, "memberA", s => s.GetWorkspaceAsync(catalogueId))).Succeeded);
    }

    [Fact]
    public async Task A_catalogue_without_a_template_has_no_comparison()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        await AddAsync(harness, "office", catalogueId, Request(bureau.BranchAId, "党员大会"));
        (await AsAsync(harness, "office", s => s.GetWorkspaceAsync(catalogueId))).Value!.Template.ShouldBeNull();
        var view = await AsAsync(harness, "office", s => s.GetTemplateComparisonAsync(catalogueId, RowFormat.Invariant, 10));
        view.Succeeded.ShouldBeTrue(view.Message);
        view.Value.ShouldBeNull();
    }

    /// <summary>The page keeps its workspace for as long as it is open: it must hold no list of lines (issue 21: 8,000 at a city).</summary>
    [Fact]
    public void The_workspace_holds_no_lines()
    {
        typeof(CatalogueWorkspace).GetProperties()
            .Where(p => p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .Select(p => p.Name)
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task The_office_edits_any_organizations_items_of_a_draft()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        var itemId = await AddAsync(harness, "office", catalogueId, Request(bureau.BranchBId, "党员大会"));

        var update = Request(bureau.BranchBId, "支部党员大会", Cadence.Phased);
        update.Phases = "确定入党积极分子\n确定发展对象";
        var result = await AsAsync(harness, "office", s => s.UpdateItemAsync(itemId, 0, update));

        result.Succeeded.ShouldBeTrue(result.Message);
        var item = await ItemAsync(harness, itemId);
        (item.Title, item.Cadence, item.Version).ShouldBe(("支部党员大会", Cadence.Phased, 1));
        item.Phases.ShouldBe(["确定入党积极分子", "确定发展对象"]);
        (await AsAsync(harness, "office", s => s.RemoveItemAsync(itemId, 1))).Succeeded.ShouldBeTrue();
        await using var db = harness.NewDb();
        (await db.CatalogueItems.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_secretary_edits_their_own_organizations_items_and_is_refused_anothers_leaving_it_unchanged()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        var ownId = await AddAsync(harness, "secA", catalogueId, Request(bureau.BranchAId, "党员大会"));
        var othersId = await AddAsync(harness, "office", catalogueId, Request(bureau.BranchBId, "党费收缴"));

        (await AsAsync(harness, "secA", s => s.UpdateItemAsync(ownId, 0, Request(bureau.BranchAId, "支部党员大会")))).Succeeded.ShouldBeTrue();
        var update = await AsAsync(harness, "secA", s => s.UpdateItemAsync(othersId, 0, Request(bureau.BranchBId, "改掉")));
        var remove = await AsAsync(harness, "secA", s => s.RemoveItemAsync(othersId, 0));
        var add = await AsAsync(harness, "secA", s => s.AddItemAsync(catalogueId, Request(bureau.BranchBId, "替别人加")));
        var moveAway = await AsAsync(harness, "secA", s => s.UpdateItemAsync(ownId, 1, Request(bureau.BranchBId, "支部党员大会")));

        new[] { update.Status, remove.Status, add.Status, moveAway.Status }.ShouldAllBe(s => s == ResultStatus.Forbidden);
        var others = await ItemAsync(harness, othersId);
        (others.Title, others.Version).ShouldBe(("党费收缴", 0));
        (await ItemAsync(harness, ownId)).OrganizationId.ShouldBe(bureau.BranchAId);
        await using var db = harness.NewDb();
        (await db.CatalogueItems.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_drafter_proposes_items_for_their_own_organization_and_the_form_rules_hold_in_the_service()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);

        await AddAsync(harness, "drafterA", catalogueId, Request(bureau.BranchAId, "主题党日"));
        var invalid = Request(bureau.BranchAId, "", Cadence.Phased);
        invalid.Channels = Channel.None;
        var refused = await AsAsync(harness, "drafterA", s => s.AddItemAsync(catalogueId, invalid));
        var member = await AsAsync(harness, "memberA", s => s.AddItemAsync(catalogueId, Request(bureau.BranchAId, "普通党员提议")));

        refused.Status.ShouldBe(ResultStatus.Invalid);
        refused.Errors.Keys.ShouldBe(["Title", "Channels", "Phases"], ignoreOrder: true);
        member.Status.ShouldBe(ResultStatus.Forbidden);
    }

    [Fact]
    public async Task Nobody_edits_a_catalogue_in_force_directly()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        var itemId = await AddAsync(harness, "office", catalogueId, Request(bureau.BranchAId, "党员大会"));
        (await AsAsync(harness, "office", s => s.SubmitAsync(catalogueId, 1))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "leader", s => s.ApproveAsync(catalogueId, 2, null))).Succeeded.ShouldBeTrue();

        var update = await AsAsync(harness, "office", s => s.UpdateItemAsync(itemId, 1, Request(bureau.BranchAId, "改")));
        var add = await AsAsync(harness, "office", s => s.AddItemAsync(catalogueId, Request(bureau.BranchAId, "加")));

        update.Status.ShouldBe(ResultStatus.Invalid);
        update.Message.ShouldBe("目录已提交或生效，只能通过修订变更。");
        add.Status.ShouldBe(ResultStatus.Invalid);
        (await ItemAsync(harness, itemId)).Title.ShouldBe("党员大会");
    }

    [Fact]
    public async Task Only_the_office_submits_and_only_a_leader_or_the_office_approves_which_schedules_every_regular_item()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        var ids = new Dictionary<Cadence, int>();
        foreach (var cadence in new[] { Cadence.Monthly, Cadence.Quarterly, Cadence.HalfYearly, Cadence.Yearly, Cadence.Immediate })
            ids[cadence] = await AddAsync(harness, "office", catalogueId, Request(bureau.BranchAId, cadence.ToString(), cadence));

        (await AsAsync(harness, "secA", s => s.SubmitAsync(catalogueId, 1))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.SubmitAsync(catalogueId, 1))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "drafterA", s => s.ApproveAsync(catalogueId, 2, null))).Status.ShouldBe(ResultStatus.Forbidden);
        (await VersionAsync(harness, catalogueId)).ShouldBe(2);
        var approved = await AsAsync(harness, "leader", s => s.ApproveAsync(catalogueId, 2, "同意"));

        approved.Succeeded.ShouldBeTrue(approved.Message);
        await using (var db = harness.NewDb())
        {
            var catalogue = await db.Catalogues.SingleAsync(c => c.Id == catalogueId);
            (catalogue.State, catalogue.ReviewComment).ShouldBe((CatalogueState.InForce, "同意"));
        }
        (await ItemAsync(harness, ids[Cadence.Monthly])).Occurrences.Count.ShouldBe(12);
        (await ItemAsync(harness, ids[Cadence.Quarterly])).Occurrences.Count.ShouldBe(4);
        (await ItemAsync(harness, ids[Cadence.HalfYearly])).Occurrences.Count.ShouldBe(2);
        (await ItemAsync(harness, ids[Cadence.Yearly])).Occurrences.Count.ShouldBe(1);
        (await ItemAsync(harness, ids[Cadence.Immediate])).Occurrences.ShouldBeEmpty();
        // September ends on a Wednesday before the National Day week: five working days land on 13 October.
        (await ItemAsync(harness, ids[Cadence.Monthly])).Occurrences.Single(o => o.Sequence == 9).DueDate.ShouldBe(new DateOnly(2026, 10, 13));
    }

    [Fact]
    public async Task A_reviewer_sends_it_back_with_a_comment_and_a_stale_version_is_a_conflict()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var catalogueId = await DraftAsync(harness);
        var itemId = await AddAsync(harness, "office", catalogueId, Request(bureau.BranchAId, "党员大会"));
        (await AsAsync(harness, "office", s => s.SubmitAsync(catalogueId, 1))).Succeeded.ShouldBeTrue();

        (await AsAsync(harness, "leader", s => s.RejectAsync(catalogueId, 2, " "))).Status.ShouldBe(ResultStatus.Invalid);
        (await AsAsync(harness, "leader", s => s.RejectAsync(catalogueId, 2, "请补充党费事项"))).Succeeded.ShouldBeTrue();
        var stale = await AsAsync(harness, "office", s => s.ApproveAsync(catalogueId, 2, null));
        (await AsAsync(harness, "secA", s => s.UpdateItemAsync(itemId, 0, Request(bureau.BranchAId, "支部党员大会")))).Succeeded.ShouldBeTrue();
        var staleItem = await AsAsync(harness, "office", s => s.UpdateItemAsync(itemId, 0, Request(bureau.BranchAId, "旧版本")));

        stale.Status.ShouldBe(ResultStatus.Conflict);
        staleItem.Status.ShouldBe(ResultStatus.Conflict);
        (await ItemAsync(harness, itemId)).Title.ShouldBe("支部党员大会");
        var workspace = await AsAsync(harness, "memberA", s => s.GetWorkspaceAsync(catalogueId));
        (workspace.Value!.State, workspace.Value.ReviewComment, workspace.Value.Version).ShouldBe((CatalogueState.Draft, "请补充党费事项", 3));
    }

    [Fact]
    public async Task The_office_discards_a_draft_catalogue_with_its_items_and_only_a_draft()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await TestBureau.CreateAsync(harness);
        var draftId = await DraftAsync(harness);
        await AddAsync(harness, "office", draftId, Request(bureau.BranchAId, "党员大会"));
        var version = await VersionAsync(harness, draftId);

        (await AsAsync(harness, "secA", s => s.DiscardAsync(draftId, version))).Status.ShouldBe(ResultStatus.Forbidden);
        (await AsAsync(harness, "office", s => s.DiscardAsync(draftId, version))).Succeeded.ShouldBeTrue();

        await using (var db = harness.NewDb())
        {
            (await db.Catalogues.CountAsync(), await db.CatalogueItems.CountAsync()).ShouldBe((0, 0));
            (await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Catalogue) && a.Action == WorkflowAction.Discard)).EntityId.ShouldBe(draftId);
        }
        // The year can be started again.
        var again = await DraftAsync(harness);
        await AddAsync(harness, "office", again, Request(bureau.BranchAId, "党员大会"));
        (await AsAsync(harness, "office", s => s.SubmitAsync(again, 1))).Succeeded.ShouldBeTrue();
        (await AsAsync(harness, "office", s => s.DiscardAsync(again, 2))).Message.ShouldBe("只有草稿状态的目录可以放弃");
    }
}
