using PartyAffairs.App.Domain;
using Shouldly;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The one audience rule (AccessPolicy.Sees), evaluated in memory over every state, audience and kind of person.
/// Service and HTTP tests check that each read path goes through it; this checks the rule itself.
/// </summary>
public sealed class AudienceRuleTests
{
    private const int Own = 10;
    private const int Other = 20;

    private static Actor Person(string id, int? organizationId, params string[] roles) => new(id, id, organizationId, roles.ToHashSet());

    private static readonly Dictionary<string, Actor> People = new()
    {
        ["anonymous"] = Actor.Anonymous,
        ["member of own"] = Person("m1", Own, Roles.Member),
        ["member of other"] = Person("m2", Other, Roles.Member),
        ["drafter of own"] = Person("d1", Own, Roles.Drafter),
        ["secretary of other"] = Person("s2", Other, Roles.Secretary),
        ["handler"] = Person("h", 1, Roles.FeedbackHandler),
        ["office"] = Person("o", 1, Roles.Office),
        ["leader"] = Person("l", 1, Roles.Leader),
        ["admin"] = Person("a", null, Roles.Admin),
    };

    // Who reads a disclosure of organization 10 once it is out (published or closed), by audience.
    private static readonly Dictionary<Audience, string[]> ReadersWhenOut = new()
    {
        [Audience.Public] = [.. People.Keys],
        [Audience.AllMembers] = People.Keys.Where(k => k != "anonymous").ToArray(),
        [Audience.Organization] = ["member of own", "drafter of own", "handler", "office", "leader"],
    };

    // Before publication (and after withdrawal) only those who work on the organization's items, and the whole-bureau roles.
    private static readonly string[] ReadersOfWork = ["drafter of own", "office", "leader"];

    public static TheoryData<DisclosureState, Audience> Cases()
    {
        var data = new TheoryData<DisclosureState, Audience>();
        foreach (var state in Enum.GetValues<DisclosureState>())
            foreach (var audience in Enum.GetValues<Audience>())
                data.Add(state, audience);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_person_reads_exactly_what_the_rule_gives_them(DisclosureState state, Audience audience)
    {
        var disclosure = InState(state, audience, Own);
        var expected = state is DisclosureState.Published or DisclosureState.Closed ? ReadersWhenOut[audience] : ReadersOfWork;

        var readers = People.Where(p => AccessPolicy.Sees(p.Value).Compile()(disclosure)).Select(p => p.Key).Order().ToArray();

        readers.ShouldBe(expected.Order().ToArray());
    }
}
