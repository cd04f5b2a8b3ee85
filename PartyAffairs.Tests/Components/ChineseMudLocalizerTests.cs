using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using MudBlazor;
using PartyAffairs.App.Components.Localization;

namespace PartyAffairs.Tests.Components;

public sealed class ChineseMudLocalizerTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync() => harness = await ComponentHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    /// <summary>MudBlazor's own English strings, read from its assembly: the list of what needs Chinese.</summary>
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order();

    [Fact]
    public void Every_MudBlazor_string_has_Chinese_with_the_same_placeholders()
    {
        harness.UseCulture("zh-CN");
        var localizer = new ChineseMudLocalizer();
        var english = MudBlazorEnglish();
        english.Count.ShouldBeGreaterThan(100);

        foreach (var (key, value) in english)
        {
            var chinese = localizer[key];
            chinese.ResourceNotFound.ShouldBeFalse(key);
            Placeholders(chinese.Value).ShouldBe(Placeholders(value), key);
        }
    }

    [Fact]
    public void Other_languages_fall_back_to_MudBlazors_English()
    {
        harness.UseCulture("en");

        new ChineseMudLocalizer()["MudDataGridPager_RowsPerPage"].ResourceNotFound.ShouldBeTrue();
    }

    [Fact]
    public void A_data_grid_pager_reads_in_Chinese()
    {
        harness.UseCulture("zh-CN");
        var rows = Enumerable.Range(1, 25).Select(i => new Row(i)).ToList();

        var cut = harness.Context.Render<MudDataGrid<Row>>(p => p
            .Add(g => g.Items, rows)
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.Columns, b =>
            {
                b.OpenComponent<PropertyColumn<Row, int>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<Row, int>.Property), (System.Linq.Expressions.Expression<Func<Row, int>>)(r => r.Number));
                b.CloseComponent();
            })
            .Add(g => g.PagerContent, b =>
            {
                b.OpenComponent<MudDataGridPager<Row>>(0);
                b.CloseComponent();
            }));

        cut.Markup.ShouldContain("每页行数：");
        cut.Markup.ShouldContain("第 1-10 条，共 25 条");
    }

    public sealed record Row(int Number);
}
