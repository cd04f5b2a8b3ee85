using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// A line's body template (正文模板) is a drafting aid, not part of what the catalogue promises: it may change in every state
/// of the catalogue while the line is in use, each change audited on the catalogue; a draft started from the line copies it.
/// </summary>
public sealed class BodyTemplateRuleTests
{
    private const string Table = "<table><tbody><tr><td>日期</td></tr></tbody></table>";

    public static TheoryData<CatalogueState, bool, bool> Rule()
    {
        var data = new TheoryData<CatalogueState, bool, bool>();
        foreach (var state in Enum.GetValues<CatalogueState>())
        {
            data.Add(state, false, true);
            data.Add(state, true, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rule))]
    public void A_template_changes_in_every_state_of_the_catalogue_while_the_line_is_in_use(CatalogueState state, bool retired, bool editable)
    {
        CatalogueItem.BodyTemplateEditable(state, retired).ShouldBe(editable);

        var catalogue = CatalogueInState(state);
        var item = catalogue.Items.Single();
        if (retired) item.Retire();
        var version = catalogue.Version;
        var itemVersion = item.Version;

        if (editable)
        {
            catalogue.ChangeBodyTemplate(item, Table, Office, Now, "设置正文模板：党费收缴情况").ShouldBeTrue();
            item.BodyTemplate.ShouldBe(Table);
            item.HasBodyTemplate.ShouldBeTrue();
            (catalogue.Version, item.Version).ShouldBe((version + 1, itemVersion + 1));
            var entry = catalogue.PendingAudit.ShouldHaveSingleItem();
            (entry.Action, entry.Reason).ShouldBe((WorkflowAction.ChangeBodyTemplate, "设置正文模板：党费收缴情况"));
            catalogue.State.ShouldBe(state);
        }
        else
        {
            Should.Throw<DomainRuleException>(() => catalogue.ChangeBodyTemplate(item, Table, Office, Now, "x")).Code.ShouldBe("CatalogueItem.Retired");
            item.BodyTemplate.ShouldBeEmpty();
            catalogue.Version.ShouldBe(version);
            catalogue.PendingAudit.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Clearing_records_once_and_the_same_template_again_records_nothing()
    {
        var catalogue = CatalogueInState(CatalogueState.InForce);
        var item = catalogue.Items.Single();
        catalogue.ChangeBodyTemplate(item, Table, Office, Now, "设置").ShouldBeTrue();
        catalogue.ChangeBodyTemplate(item, Table, Office, Now, "设置").ShouldBeFalse();
        catalogue.ChangeBodyTemplate(item, "  ", Office, Now, "清除").ShouldBeTrue();
        item.BodyTemplate.ShouldBeEmpty();
        catalogue.PendingAudit.Select(a => a.Reason).ShouldBe(["设置", "清除"]);
    }

    [Fact]
    public void A_template_longer_than_a_spreadsheet_cell_and_a_line_of_another_catalogue_are_refused()
    {
        var catalogue = CatalogueInState(CatalogueState.Draft);
        var item = catalogue.Items.Single();
        var tooLong = "<p>" + new string('字', CatalogueItem.MaxBodyTemplateLength) + "</p>";
        Should.Throw<DomainRuleException>(() => catalogue.ChangeBodyTemplate(item, tooLong, Office, Now, "x")).Code
            .ShouldBe("CatalogueItem.BodyTemplateTooLong");
        var other = CatalogueInState(CatalogueState.Draft).Items.Single();
        Should.Throw<DomainRuleException>(() => catalogue.ChangeBodyTemplate(other, Table, Office, Now, "x")).Code.ShouldBe("Catalogue.ItemUnknown");
        item.BodyTemplate.ShouldBeEmpty();
    }

    [Fact]
    public void A_draft_from_an_occurrence_starts_from_the_template_and_keeps_its_body_when_the_template_changes_later()
    {
        var catalogue = CatalogueInState(CatalogueState.InForce);
        var item = catalogue.Items.Single();
        catalogue.ChangeBodyTemplate(item, Table, Office, Now, "设置");
        var occurrence = new CatalogueOccurrence(1, "2026年第四季度", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 15));
        item.Occurrences.Add(occurrence);

        var draft = Disclosure.ForOccurrence(occurrence, item, Secretary, Now);
        draft.Body.ShouldBe(Table);

        catalogue.ChangeBodyTemplate(item, "<p>新模板</p>", Office, Now, "修改");
        draft.Body.ShouldBe(Table);
    }

    [Fact]
    public void A_line_created_with_a_template_starts_at_version_zero_like_any_other()
    {
        var item = new CatalogueItem(10, Category.OrganizationalBuilding, "“三会一课”开展情况", "", Channel.Board, Audience.Organization,
            Cadence.Monthly, false, "支部书记", null, Table);
        (item.BodyTemplate, item.Version).ShouldBe((Table, 0));
    }
}
