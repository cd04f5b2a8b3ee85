using PartyAffairs.App.Domain;
using Shouldly;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The one audience rule (AccessPolicy.Sees), evaluated in memory over every state, audience, organization of the tree and
/// kind of person, including one who holds posts in two organizations. Service and HTTP tests check that each read path goes
/// through it; this checks the rule itself. The tree: the 机关党委 (Root) above two branches (Own and Other).
/// </summary>
public sealed class AudienceRuleTests
{
    private const int Root = 1;
    private const int Own = 10;
    private const int Other = 20;

    private static readonly Dictionary<int, int?> Tree = new() { [Root] = null, [Own] = Root, [Other] = Root };

    private static Actor Person(string id, int? organizationId, params string[] roles) =>
        new Actor(id, id, organizationId, roles.ToHashSet()).WithTree(Tree);

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["anonymous"] = Actor.Anonymous,
        ["member of root"] = Person("m0", Root, Roles.Member),
        ["member of own"] = Person("m1", Own, Roles.Member),
        ["member of other"] = Person("m2", Other, Roles.Member),
        ["drafter of own"] = Person("d1", Own, Roles.Drafter),
        ["secretary of other"] = Person("s2", Other, Roles.Secretary),
        // A member of the other branch who drafts for her own besides (兼任).
        ["two posts"] = new Actor("t", "t", Other, new HashSet<string> { Roles.Member, Roles.Drafter })
        {
            Posts = Post.Of(Other, [Roles.Member], [new Post(Roles.Drafter, Own)]),
        }.WithTree(Tree),
        ["handler"] = Person("h", Root, Roles.FeedbackHandler),
        ["office"] = Person("o", Root, Roles.Office),
        ["leader"] = Person("l", Root, Roles.Leader),
        ["admin"] = Person("a", null, Roles.Admin),
    };

    private static readonly string[] SignedIn = People.Keys.Where(k => k != "anonymous").ToArray();

    // Who reads an Organization item once it is out: the people of its organization and of those under it, and whoever reads all.
    private static readonly Dictionary<int, string[]> ReadersOfOrganizationItem = new()
    {
        [Root] = ["member of root", "member of own", "member of other", "drafter of own", "secretary of other", "two posts", "handler", "office", "leader"],
        [Own] = ["member of own", "drafter of own", "two posts", "handler", "office", "leader"],
        [Other] = ["member of other", "secretary of other", "two posts", "handler", "office", "leader"],
    };

    // Before publication (and after withdrawal) only those who work on the organization's items, and the whole-bureau roles.
    private static readonly Dictionary<int, string[]> ReadersOfWork = new()
    {
        [Root] = ["office", "leader"],
        [Own] = ["drafter of own", "two posts", "office", "leader"],
        [Other] = ["secretary of other", "office", "leader"],
    };

    public static TheoryData<DisclosureState, Audience, int> Cases()
    {
        var data = new TheoryData<DisclosureState, Audience, int>();
        foreach (var state in Enum.GetValues<DisclosureState>())
            foreach (var audience in Enum.GetValues<Audience>())
                foreach (var organization in Tree.Keys)
                    data.Add(state, audience, organization);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_person_reads_exactly_what_the_rule_gives_them(DisclosureState state, Audience audience, int organizationId)
    {
        var disclosure = InState(state, audience, organizationId);
        var expected = state is not (DisclosureState.Published or DisclosureState.Closed) ? ReadersOfWork[organizationId]
            : audience switch
            {
                Audience.Public => People.Keys.ToArray(),
                Audience.AllMembers => SignedIn,
                _ => ReadersOfOrganizationItem[organizationId],
            };

        var readers = People.Where(p => AccessPolicy.Sees(p.Value).Compile()(disclosure)).Select(p => p.Key).Order().ToArray();

        readers.ShouldBe(expected.Order().ToArray());
    }

    [Theory]
    [InlineData(Root)]
    [InlineData(Own)]
    [InlineData(Other)]
    public void A_catalogue_line_of_the_organization_audience_reaches_the_same_people_and_those_who_work_on_it(int organizationId)
    {
        var line = new CatalogueItem(organizationId, Category.OrganizationalBuilding, "党费收缴情况", "", Channel.Board, Audience.Organization,
            Cadence.Quarterly, false, "组织委员");

        var readers = People.Where(p => AccessPolicy.SeesLine(p.Value).Compile()(line)).Select(p => p.Key).Order().ToArray();

        readers.ShouldBe(ReadersOfOrganizationItem[organizationId].Order().ToArray());
    }

    [Fact]
    public void The_tree_is_walked_to_the_root_from_every_organization_she_belongs_to()
    {
        var deep = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [9] = null };
        var person = new Actor("p", "p", 3, new HashSet<string> { Roles.Member }) { Posts = Post.Of(3, [Roles.Member], [new Post(Roles.Member, 9)]) };

        person.WithTree(deep).ReachedBy.Order().ShouldBe([1, 2, 3, 9]);
        person.ReachedBy.Order().ShouldBe([3, 9]);
        Actor.Anonymous.WithTree(deep).ReachedBy.ShouldBeEmpty();
    }
}
