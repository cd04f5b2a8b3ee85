using Shouldly;
using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The one review rule (ReviewRoute), over every kind of item × the setting × every kind of reviewer, and its query form
/// against its C# form. Service tests check that the review paths, queues and notifications go through it.
/// </summary>
public sealed class ReviewRouteTests
{
    private const int Own = 10;
    private const int OtherOrganization = 20;

    private static Actor Person(string id, int? organizationId, params string[] roles) => new(id, id, organizationId, roles.ToHashSet());

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["secretary of own"] = Person("s1", Own, Roles.Secretary),
        ["secretary of other"] = Person("s2", OtherOrganization, Roles.Secretary),
        ["drafter of own"] = Person("d1", Own, Roles.Drafter),
        ["office"] = Person("o1", 1, Roles.Office),
        ["office colleague"] = Person("o2", 1, Roles.Office),
        ["leader"] = Person("l1", 1, Roles.Leader),
        ["member"] = Person("m1", Own, Roles.Member),
        // Two posts: a member of the other branch who is secretary of this one besides (兼任) reviews as its secretary...
        ["secretary of own besides"] = new Actor("b1", "b1", OtherOrganization, new HashSet<string> { Roles.Member, Roles.Secretary })
        {
            Posts = Post.Of(OtherOrganization, [Roles.Member], [new Post(Roles.Secretary, Own)]),
        },
        // ...and the other branch's secretary who drafts for this one besides reviews nothing of it.
        ["secretary of other, drafter of own besides"] = new Actor("b2", "b2", OtherOrganization, new HashSet<string> { Roles.Secretary, Roles.Drafter })
        {
            Posts = Post.Of(OtherOrganization, [Roles.Secretary], [new Post(Roles.Drafter, Own)]),
        },
    };

    private static readonly string[] OfficeMemberIds = ["o1", "o2"];

    private const Channel LineChannels = Channel.Board | Channel.Meeting;

    /// <summary>A submitted item of organization 10 on a line of (category, audience, channels), drafted as (audience, channels).</summary>
    private static Disclosure OnLine(string author, Category category = Category.OrganizationalBuilding, bool catchAll = false,
        Audience lineAudience = Audience.AllMembers, Audience audience = Audience.AllMembers, Channel channels = LineChannels)
    {
        var line = new CatalogueItem(Own, category, "党员发展情况", "", LineChannels, lineAudience, Cadence.Quarterly, false, "组织委员");
        line.MarkCatchAll(catchAll);
        var occurrence = new CatalogueOccurrence(4, "2026年第四季度", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 8));
        var d = Disclosure.ForOccurrence(occurrence, line, People[author], Now);
        d.Edit("标题", "正文", channels, audience, Now.AddHours(1), Now.AddDays(8), false, People[author], Now);
        d.Submit(People[author], Now, []);
        return d;
    }

    private static Disclosure OutOfCatalogue(string author)
    {
        var d = Disclosure.OutOfCatalogue(Own, Category.OrganizationalBuilding, "上级临时要求", Channel.Board, Audience.Public, People[author], Now);
        d.Edit("标题", "正文", Channel.Board, Audience.Public, Now.AddHours(1), Now.AddDays(8), false, People[author], Now);
        d.Submit(People[author], Now, []);
        return d;
    }

    /// <summary>A correction (再次公开) of a published in-catalogue item: in the catalogue, on its original's line.</summary>
    private static Disclosure Correction()
    {
        var original = OnLine("drafter of own");
        original.Approve(People["office"], Now, true);
        original.Publish(Actor.System, Now.AddHours(2));
        var d = original.Revise(People["drafter of own"], Now.AddHours(3), "更正");
        d.Edit("更正", "正文", LineChannels, Audience.AllMembers, Now.AddHours(4), Now.AddDays(8), false, People["drafter of own"], Now.AddHours(3));
        d.Submit(People["drafter of own"], Now.AddHours(3), []);
        return d;
    }

    private static readonly Dictionary<string, Func<Disclosure>> Items = new()
    {
        ["in catalogue"] = () => OnLine("drafter of own"),
        ["in catalogue, wider and more channels"] = () => OnLine("drafter of own", audience: Audience.Public, channels: LineChannels | Channel.Media),
        ["in catalogue, by the secretary herself"] = () => OnLine("secretary of own"),
        ["in catalogue, by the office"] = () => OnLine("office"),
        ["correction of an in-catalogue item"] = Correction,
        ["out of catalogue"] = () => OutOfCatalogue("drafter of own"),
        ["out of catalogue, by the office"] = () => OutOfCatalogue("office"),
        ["marked catch-all line"] = () => OnLine("drafter of own", catchAll: true),
        ["category 8 line"] = () => OnLine("drafter of own", category: Category.Other),
        ["category 8 line, by the office"] = () => OnLine("office", category: Category.Other),
        ["narrowed audience"] = () => OnLine("drafter of own", lineAudience: Audience.Public, audience: Audience.Organization),
        ["narrowed audience, by the secretary herself"] = () => OnLine("secretary of own", lineAudience: Audience.Public, audience: Audience.AllMembers),
        ["dropped channel"] = () => OnLine("drafter of own", channels: Channel.Board | Channel.Media),
    };

    private static readonly string[] SecretaryOrOffice = ["secretary of own", "secretary of own besides", "office", "office colleague"];
    private static readonly string[] OfficeOnly = ["office", "office colleague"];
    private static readonly string[] NotTheOfficeAuthor = ["office colleague", "leader"];

    // Who may approve or reject each item: with the setting off, then with "everything to the Office" on.
    private static readonly Dictionary<string, (string[] Off, string[] On, ReviewReason[] Reasons)> Expected = new()
    {
        ["in catalogue"] = (SecretaryOrOffice, OfficeOnly, []),
        ["in catalogue, wider and more channels"] = (SecretaryOrOffice, OfficeOnly, []),
        ["in catalogue, by the secretary herself"] = (SecretaryOrOffice, OfficeOnly, []),
        ["in catalogue, by the office"] = (SecretaryOrOffice, OfficeOnly, []),
        ["correction of an in-catalogue item"] = (SecretaryOrOffice, OfficeOnly, []),
        ["out of catalogue"] = (OfficeOnly, OfficeOnly, [ReviewReason.OutOfCatalogue]),
        ["out of catalogue, by the office"] = (NotTheOfficeAuthor, NotTheOfficeAuthor, [ReviewReason.OutOfCatalogue]),
        ["marked catch-all line"] = (OfficeOnly, OfficeOnly, [ReviewReason.CatchAllLine]),
        ["category 8 line"] = (OfficeOnly, OfficeOnly, [ReviewReason.CatchAllLine]),
        ["category 8 line, by the office"] = (NotTheOfficeAuthor, NotTheOfficeAuthor, [ReviewReason.CatchAllLine]),
        ["narrowed audience"] = (OfficeOnly, OfficeOnly, [ReviewReason.NarrowedAudience]),
        ["narrowed audience, by the secretary herself"] = (OfficeOnly, OfficeOnly, [ReviewReason.NarrowedAudience]),
        ["dropped channel"] = (OfficeOnly, OfficeOnly, [ReviewReason.DroppedChannel]),
    };

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var item in Items.Keys)
        {
            data.Add(item, false);
            data.Add(item, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_person_reviews_exactly_what_the_rule_gives_them(string item, bool officeApprovesEverything)
    {
        var d = Items[item]();
        var (off, on, _) = Expected[item];

        var reviewers = People
            .Where(p => ReviewRoute.CanReview(p.Value, d, officeApprovesEverything, OfficeMemberIds.Contains(d.AuthorId)))
            .Select(p => p.Key).Order().ToArray();

        reviewers.ShouldBe((officeApprovesEverything ? on : off).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_query_form_agrees_with_the_objects_form(string item, bool officeApprovesEverything)
    {
        var d = Items[item]();
        var routing = ReviewRoute.For(d, officeApprovesEverything);

        ReviewRoute.Gated.Compile()(d).ShouldBe(routing.Gated);
        DisclosureRules.InCatalogue.Compile()(d).ShouldBe(d.IsInCatalogue);
        ReviewRoute.OfficeOnly(officeApprovesEverything).Compile()(d).ShouldBe(routing.OfficeOnly);
        ReviewRoute.SecretaryReviews(officeApprovesEverything).Compile()(d).ShouldBe(!routing.OfficeOnly);
        foreach (var (name, person) in People)
        {
            ReviewRoute.ReviewableBy(person, officeApprovesEverything, OfficeMemberIds).Compile()(d)
                .ShouldBe(ReviewRoute.CanReview(person, d, officeApprovesEverything, OfficeMemberIds.Contains(d.AuthorId)), name);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_route_names_why_the_office_must_review(string item, bool officeApprovesEverything)
    {
        var routing = ReviewRoute.For(Items[item](), officeApprovesEverything);
        var gate = Expected[item].Reasons;

        routing.Reasons.ShouldBe(officeApprovesEverything ? [.. gate, ReviewReason.OfficeApprovesEverything] : gate);
        routing.Gated.ShouldBe(gate.Length > 0);
        routing.OfficeOnly.ShouldBe(gate.Length > 0 || officeApprovesEverything);
    }

    [Fact]
    public void The_post_a_review_is_recorded_in_is_the_chosen_one_when_it_allows_it_else_the_first_that_does()
    {
        // Office of the bureau and secretary of branch 10 at once.
        var both = new Actor("ob", "ob", 1, new HashSet<string> { Roles.Office, Roles.Secretary })
        {
            Posts = Post.Of(1, [Roles.Office], [new Post(Roles.Secretary, Own)]),
        };
        var inCatalogue = OnLine("drafter of own");
        var outOfCatalogue = OutOfCatalogue("drafter of own");

        ReviewRoute.ReviewingPost(both, inCatalogue, false, false).ShouldBe(new Post(Roles.Secretary, Own));
        ReviewRoute.ReviewingPost(both with { ActingPost = new Post(Roles.Office, null) }, inCatalogue, false, false).ShouldBe(new Post(Roles.Office, null));
        // Only the Office may approve an out-of-catalogue item: her secretary's post, even chosen, gives way to it.
        ReviewRoute.ReviewingPost(both with { ActingPost = new Post(Roles.Secretary, Own) }, outOfCatalogue, false, false).ShouldBe(new Post(Roles.Office, null));
        ReviewRoute.ReviewingPost(People["secretary of other, drafter of own besides"], inCatalogue, false, false).ShouldBeNull();

        // The approval keeps the post.
        inCatalogue.Approve(both with { ActingPost = new Post(Roles.Secretary, Own) }, Now, true);
        inCatalogue.Approvals.Single().ReviewerPost.ShouldBe("Secretary@10");
    }

    [Fact]
    public void The_review_page_can_show_the_difference_from_the_line()
    {
        var narrowed = ReviewRoute.For(OnLine("drafter of own", lineAudience: Audience.Public, audience: Audience.Organization, channels: Channel.Board), false);

        narrowed.Reasons.ShouldBe([ReviewReason.NarrowedAudience, ReviewReason.DroppedChannel]);
        (narrowed.LineAudience, narrowed.Audience).ShouldBe((Audience.Public, Audience.Organization));
        (narrowed.LineChannels, narrowed.Channels, narrowed.DroppedChannels).ShouldBe((LineChannels, Channel.Board, Channel.Meeting));
    }

    [Fact]
    public void Nobody_approves_their_own_gated_item_but_a_secretary_her_own_in_catalogue_item()
    {
        var own = OutOfCatalogue("office");
        Should.Throw<DomainRuleException>(() => own.Approve(People["office"], Now, true)).Code.ShouldBe("Review.OwnGatedItem");
        own.State.ShouldBe(DisclosureState.Submitted);
        own.Approve(People["leader"], Now, true);
        own.State.ShouldBe(DisclosureState.Approved);

        var narrowed = Items["narrowed audience, by the secretary herself"]();
        Should.Throw<DomainRuleException>(() => narrowed.Approve(People["secretary of own"], Now, true)).Code.ShouldBe("Review.OwnGatedItem");
        var catchAll = OnLine("secretary of own", category: Category.Other);
        Should.Throw<DomainRuleException>(() => catchAll.Approve(People["secretary of own"], Now, true)).Code.ShouldBe("Review.OwnGatedItem");

        var inCatalogue = Items["in catalogue, by the secretary herself"]();
        inCatalogue.Approve(People["secretary of own"], Now, true);
        inCatalogue.Approvals.Single().ApprovedOwnItem.ShouldBeTrue();
    }

    [Fact]
    public void Nobody_approves_the_catalogue_they_submitted()
    {
        var catalogue = CatalogueInState(CatalogueState.Draft);
        catalogue.Submit(Office, Now);

        Should.Throw<DomainRuleException>(() => catalogue.Approve(Office, Now)).Code.ShouldBe("Catalogue.OwnApproval");
        catalogue.State.ShouldBe(CatalogueState.Submitted);
        catalogue.Approve(People["office colleague"], Now);
        catalogue.State.ShouldBe(CatalogueState.Approved);

        // An amendment, approved the same way, is not approved by the Office member who drew it up.
        var amendment = new CatalogueAmendment(catalogue.Id, "年中调整", Office, Now);
        amendment.AddChange(new CatalogueAmendmentChange(AmendmentChangeKind.Retire, catalogue.Items.Single().Id, null));
        amendment.Submit(Office, Now);
        Should.Throw<DomainRuleException>(() => amendment.Approve(Office, Now)).Code.ShouldBe("Catalogue.OwnApproval");
        amendment.Approve(Leader, Now);
        amendment.State.ShouldBe(AmendmentState.Approved);
    }

    [Fact]
    public void Phases_of_a_phased_line_open_in_order_and_never_ahead_of_today()
    {
        var calendar = new WorkingCalendar([]);
        var today = new DateOnly(2026, 11, 26);
        var item = new CatalogueItem(Own, Category.OrganizationalBuilding, "发展党员", "", Channel.Board, Audience.AllMembers, Cadence.Phased, false,
            "组织委员", ["确定入党积极分子", "确定发展对象", "接收预备党员"]);

        Should.Throw<DomainRuleException>(() => item.OpenPhase(1, today, today, calendar, new DueRules())).Code.ShouldBe("CatalogueItem.PhaseOutOfOrder");
        Should.Throw<DomainRuleException>(() => item.OpenPhase(0, today.AddDays(1), today, calendar, new DueRules())).Code.ShouldBe("CatalogueItem.DateInFuture");
        item.Occurrences.ShouldBeEmpty();

        item.OpenPhase(0, today.AddDays(-10), today, calendar, new DueRules());
        Should.Throw<DomainRuleException>(() => item.OpenPhase(2, today, today, calendar, new DueRules())).Code.ShouldBe("CatalogueItem.PhaseOutOfOrder");
        item.OpenPhase(1, today, today, calendar, new DueRules()).Label.ShouldBe("确定发展对象");
    }

    [Fact]
    public void An_event_cannot_be_recorded_before_it_happened()
    {
        var calendar = new WorkingCalendar([]);
        var today = new DateOnly(2026, 11, 26);
        var item = new CatalogueItem(Own, Category.LeadershipBuilding, "班子调整", "", Channel.Board, Audience.AllMembers, Cadence.Immediate, false, "书记");

        Should.Throw<DomainRuleException>(() => item.RecordEvent("班子调整", today.AddDays(1), today, calendar, new DueRules()))
            .Code.ShouldBe("CatalogueItem.DateInFuture");
        item.Occurrences.ShouldBeEmpty();
        item.RecordEvent("班子调整", today, today, calendar, new DueRules()).PeriodStart.ShouldBe(today);
    }
}
