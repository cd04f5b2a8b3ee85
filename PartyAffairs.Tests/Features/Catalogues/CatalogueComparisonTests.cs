using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues;
using PartyAffairs.App.Features.Catalogues.Comparison;

namespace PartyAffairs.Tests.Features.Catalogues;

public sealed class CatalogueComparisonTests
{
    private static CatalogueRow Row(string organization, string title, Cadence cadence = Cadence.Quarterly, Channel channels = Channel.Board,
        string description = "说明") =>
        new(organization, Category.OrganizationalBuilding, title, description, channels, Audience.AllMembers, cadence, false, "书记", []);

    [Fact]
    public void Items_are_matched_by_organization_and_title_into_added_removed_and_changed()
    {
        var template = new[] { Row("第一党支部", "党员大会"), Row("第一党支部", "党费收缴"), Row("第二党支部", "党员大会") };
        var current = new[]
        {
            Row("第一党支部", " 党员大会 ", Cadence.Monthly, Channel.Board | Channel.Meeting),
            Row("第二党支部", "党员大会"),
            Row("第二党支部", "主题党日"),
        };

        var result = CatalogueComparison.Compare(template, current);

        result.Added.Select(r => r.Key).ShouldBe([("第二党支部", "主题党日")]);
        result.Removed.Select(r => r.Key).ShouldBe([("第一党支部", "党费收缴")]);
        var changed = result.Changed.ShouldHaveSingleItem();
        changed.After.Key.ShouldBe(("第一党支部", "党员大会"));
        changed.ChangedFields.Select(f => (f.Field, f.Old, f.New)).ShouldBe([
            ("Channels", "Board", "Board, Meeting"),
            ("Cadence", "Quarterly", "Monthly"),
        ]);
        result.IsSame.ShouldBeFalse();
    }

    [Fact]
    public void The_same_items_in_another_order_are_the_same()
    {
        var rows = new[] { Row("A", "一"), Row("B", "二") };
        CatalogueComparison.Compare(rows, rows.Reverse()).IsSame.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_side_shows_every_field_as_changed_in_the_persons_labels()
    {
        var format = new RowFormat(e => $"<{e}>", "是", "否");
        var fields = CatalogueComparison.Fields(null, Row("A", "一"), format);
        fields.ShouldAllBe(f => f.Old == "");
        fields.Single(f => f.Field == "Cadence").New.ShouldBe("<Quarterly>");
        fields.Single(f => f.Field == "Standing").New.ShouldBe("否");
    }
}
