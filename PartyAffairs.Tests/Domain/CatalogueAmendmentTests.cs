using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

public sealed class CatalogueAmendmentTests
{
    private static readonly WorkingCalendar Calendar = new(PartyAffairs.App.Features.Calendar.CalendarCsv.Bundled());
    private static readonly Actor Leader = new("u-leader", "领导", 1, new HashSet<string> { Roles.Leader });
    private static readonly DateOnly Today = DateOnly.FromDateTime(DomainFixtures.Now);

    private static CatalogueItem Item(string title, Cadence cadence) =>
        new(10, Category.OrganizationalBuilding, title, "", Channel.Board, Audience.AllMembers, cadence, false, "书记");

    private static Catalogue InForce(params CatalogueItem[] items)
    {
        var catalogue = new Catalogue(2026, "2026年度党务公开目录", null, DomainFixtures.Office, DomainFixtures.Now);
        foreach (var item in items) catalogue.AddItem(item);
        catalogue.Submit(DomainFixtures.Office, DomainFixtures.Now);
        catalogue.ApproveIntoForce(Leader, DomainFixtures.Now, Calendar, new DueRules());
        return catalogue;
    }

    private static CatalogueAmendment Approved(Catalogue catalogue, params CatalogueAmendmentChange[] changes)
    {
        var amendment = new CatalogueAmendment(catalogue.Id, "年中调整", DomainFixtures.Office, DomainFixtures.Now);
        foreach (var change in changes) amendment.AddChange(change);
        amendment.Submit(DomainFixtures.Office, DomainFixtures.Now);
        amendment.Approve(Leader, DomainFixtures.Now);
        return amendment;
    }

    [Fact]
    public void An_approved_amendment_adds_plans_changes_and_retires_items_of_the_catalogue_in_force()
    {
        // Unsaved items all have id 0; the retired one is found by id, so only one existing item takes part.
        var kept = Item("党员大会", Cadence.Quarterly);
        var catalogue = InForce(kept);
        var versionBefore = catalogue.Version;
        var added = Item("党费收缴", Cadence.Monthly);
        var amendment = Approved(catalogue,
            new CatalogueAmendmentChange(AmendmentChangeKind.Add, null, "{}"),
            new CatalogueAmendmentChange(AmendmentChangeKind.Change, kept.Id, "{}"),
            new CatalogueAmendmentChange(AmendmentChangeKind.Retire, kept.Id, null));
        var proposals = new Queue<CatalogueItem>([added, Item("支部党员大会", Cadence.Quarterly)]);

        catalogue.ApplyAmendment(amendment, _ => proposals.Dequeue(), Calendar, new DueRules(), Leader, DomainFixtures.Now, Today);

        catalogue.Items.ShouldContain(added);
        // Joining on 26 November, a monthly item owes November and December, not the months already past.
        added.Occurrences.Select(o => o.Label).ShouldBe(["2026年11月", "2026年12月"]);
        kept.Title.ShouldBe("支部党员大会");
        kept.IsRetired.ShouldBeTrue();
        kept.Occurrences.ShouldAllBe(o => o.State == OccurrenceState.Cancelled);
        catalogue.Version.ShouldBeGreaterThan(versionBefore);
        catalogue.PendingAudit[^1].Action.ShouldBe(WorkflowAction.Amend);
    }

    [Fact]
    public void Only_an_approved_amendment_of_a_catalogue_in_force_applies()
    {
        var draft = new Catalogue(2026, "目录", null, DomainFixtures.Office, DomainFixtures.Now);
        var amendment = new CatalogueAmendment(draft.Id, "调整", DomainFixtures.Office, DomainFixtures.Now);
        Should.Throw<DomainRuleException>(() => draft.ApplyAmendment(amendment, _ => Item("x", Cadence.Yearly), Calendar, new DueRules(), Leader, DomainFixtures.Now, Today))
            .Code.ShouldBe("Amendment.CatalogueNotInForce");

        var inForce = InForce(Item("党员大会", Cadence.Yearly));
        var pending = new CatalogueAmendment(inForce.Id, "调整", DomainFixtures.Office, DomainFixtures.Now);
        pending.AddChange(new CatalogueAmendmentChange(AmendmentChangeKind.Add, null, "{}"));
        Should.Throw<DomainRuleException>(() => inForce.ApplyAmendment(pending, _ => Item("x", Cadence.Yearly), Calendar, new DueRules(), Leader, DomainFixtures.Now, Today))
            .Code.ShouldBe("Amendment.NotApproved");
        inForce.Items.Count.ShouldBe(1);
    }

    [Fact]
    public void A_retired_item_cannot_be_changed_again()
    {
        var item = Item("党员大会", Cadence.Yearly);
        var catalogue = InForce(item);
        catalogue.ApplyAmendment(Approved(catalogue, new CatalogueAmendmentChange(AmendmentChangeKind.Retire, item.Id, null)),
            _ => throw new InvalidOperationException(), Calendar, new DueRules(), Leader, DomainFixtures.Now, Today);

        var again = Approved(catalogue, new CatalogueAmendmentChange(AmendmentChangeKind.Retire, item.Id, null));
        Should.Throw<DomainRuleException>(() => catalogue.ApplyAmendment(again, _ => throw new InvalidOperationException(), Calendar,
            new DueRules(), Leader, DomainFixtures.Now, Today)).Code.ShouldBe("CatalogueItem.Retired");
    }

    private static CatalogueAmendment InState(AmendmentState state)
    {
        var amendment = new CatalogueAmendment(7, "调整", DomainFixtures.Office, DomainFixtures.Now);
        amendment.AddChange(new CatalogueAmendmentChange(AmendmentChangeKind.Retire, 1, null, "{}"));
        if (state == AmendmentState.Discarded) amendment.Discard(DomainFixtures.Office, DomainFixtures.Now);
        if (state is AmendmentState.Submitted or AmendmentState.Approved) amendment.Submit(DomainFixtures.Office, DomainFixtures.Now);
        if (state == AmendmentState.Approved) amendment.Approve(Leader, DomainFixtures.Now);
        return amendment;
    }

    [Theory]
    [InlineData(AmendmentState.Draft, false)]
    [InlineData(AmendmentState.Submitted, false)]
    [InlineData(AmendmentState.Approved, true)]
    [InlineData(AmendmentState.Discarded, true)]
    public void A_catalogue_has_one_open_amendment_at_a_time(AmendmentState existing, bool mayStartAnother)
    {
        var others = new[] { InState(existing) };

        if (mayStartAnother)
            CatalogueAmendment.Start(7, "再调整", others, DomainFixtures.Office, DomainFixtures.Now).State.ShouldBe(AmendmentState.Draft);
        else
            Should.Throw<DomainRuleException>(() => CatalogueAmendment.Start(7, "再调整", others, DomainFixtures.Office, DomainFixtures.Now))
                .Code.ShouldBe("Amendment.AlreadyOpen");
        // Another catalogue's open amendment is no bar.
        CatalogueAmendment.Start(8, "别的目录", others, DomainFixtures.Office, DomainFixtures.Now).CatalogueId.ShouldBe(8);
    }

    [Theory]
    [InlineData(AmendmentState.Draft, true)]
    [InlineData(AmendmentState.Submitted, false)]
    [InlineData(AmendmentState.Approved, false)]
    [InlineData(AmendmentState.Discarded, false)]
    public void Only_a_draft_loses_a_change_or_is_discarded(AmendmentState state, bool allowed)
    {
        var removing = InState(state);
        var discarding = InState(state);
        var changeId = removing.Changes[0].Id;

        if (allowed)
        {
            removing.RemoveChange(changeId, DomainFixtures.Office, DomainFixtures.Now, "撤销「党员大会」");
            removing.Changes.ShouldBeEmpty();
            removing.PendingAudit[^1].Action.ShouldBe(WorkflowAction.RemoveChange);
            removing.PendingAudit[^1].Reason.ShouldBe("撤销「党员大会」");
            discarding.Discard(DomainFixtures.Office, DomainFixtures.Now);
            discarding.State.ShouldBe(AmendmentState.Discarded);
            discarding.Open.ShouldBeFalse();
        }
        else
        {
            Should.Throw<DomainRuleException>(() => removing.RemoveChange(changeId, DomainFixtures.Office, DomainFixtures.Now));
            removing.Changes.Count.ShouldBe(1);
            Should.Throw<DomainRuleException>(() => discarding.Discard(DomainFixtures.Office, DomainFixtures.Now));
            discarding.State.ShouldBe(state);
        }
    }

    [Fact]
    public void A_change_keeps_the_item_as_it_stood_and_an_addition_has_nothing_before()
    {
        new CatalogueAmendmentChange(AmendmentChangeKind.Change, 1, "{\"title\":\"新\"}", "{\"title\":\"旧\"}").BeforeItemJson.ShouldBe("{\"title\":\"旧\"}");
        new CatalogueAmendmentChange(AmendmentChangeKind.Add, null, "{}", "{\"title\":\"旧\"}").BeforeItemJson.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => new CatalogueAmendmentChange(AmendmentChangeKind.Add, null, "{}").RecordBefore("{}"));
    }

    [Theory]
    [InlineData(CatalogueState.Draft, true)]
    [InlineData(CatalogueState.Submitted, false)]
    [InlineData(CatalogueState.InForce, false)]
    public void Only_a_draft_catalogue_is_discarded(CatalogueState state, bool allowed)
    {
        var catalogue = state == CatalogueState.InForce ? InForce(Item("党员大会", Cadence.Yearly)) : new Catalogue(2027, "目录", null, DomainFixtures.Office, DomainFixtures.Now);
        if (state == CatalogueState.Submitted)
        {
            catalogue.AddItem(Item("党员大会", Cadence.Yearly));
            catalogue.Submit(DomainFixtures.Office, DomainFixtures.Now);
        }

        if (allowed)
        {
            catalogue.Discard(DomainFixtures.Office, DomainFixtures.Now);
            catalogue.PendingAudit[^1].Action.ShouldBe(WorkflowAction.Discard);
        }
        else
        {
            Should.Throw<DomainRuleException>(() => catalogue.Discard(DomainFixtures.Office, DomainFixtures.Now)).Code.ShouldBe("Catalogue.DiscardOnlyDraft");
        }
    }
}
