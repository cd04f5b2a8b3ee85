using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Components;

/// <summary>An occurrence's label is stored in Chinese; each reader sees it in their language, a phase's own text as written.</summary>
public sealed class PeriodLabelTests
{
    private static readonly ServiceProvider Services =
        new ServiceCollection().AddLogging().AddLocalization().AddSingleton<EnumLabels>().BuildServiceProvider();

    private static EnumLabels Labels() => Services.GetRequiredService<EnumLabels>();

    private static string In(string culture, string label)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return Labels().Period(label); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }

    [Theory]
    [InlineData(Cadence.Monthly, 11, "2026年11月", "November 2026")]
    [InlineData(Cadence.Monthly, 1, "2026年1月", "January 2026")]
    [InlineData(Cadence.Quarterly, 4, "2026年第四季度", "Q4 2026")]
    [InlineData(Cadence.Quarterly, 1, "2026年第一季度", "Q1 2026")]
    [InlineData(Cadence.HalfYearly, 1, "2026年上半年", "First half of 2026")]
    [InlineData(Cadence.HalfYearly, 2, "2026年下半年", "Second half of 2026")]
    [InlineData(Cadence.Yearly, 1, "2026年度", "2026")]
    public void Each_period_the_plan_writes_reads_in_chinese_as_stored_and_in_english_as_english(Cadence cadence, int sequence, string chinese, string english)
    {
        var item = new CatalogueItem(1, Category.Other, "事项", "说明", Channel.Board, Audience.Organization, cadence, false, "书记");
        var stored = item.PlanPeriods(2026).Single(p => p.Sequence == sequence).Label;

        stored.ShouldBe(chinese);
        In("zh-CN", stored).ShouldBe(chinese);
        In("en", stored).ShouldBe(english);
    }

    [Fact]
    public void A_standing_line_says_so_in_both_languages()
    {
        var stored = PeriodLabel.StandingYear(2026);
        In("zh-CN", stored).ShouldBe("2026年度（长期公开）");
        In("en", stored).ShouldBe("2026 (standing)");
    }

    [Theory]
    [InlineData("确定发展对象")]
    [InlineData("2026年13月")]
    [InlineData("2026-Q3")]
    [InlineData("")]
    public void A_phase_or_event_label_is_shown_as_written(string label)
    {
        In("en", label).ShouldBe(label);
        In("zh-CN", label).ShouldBe(label);
    }

    [Fact]
    public void The_system_actor_lists_and_asides_follow_the_culture()
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
            Labels().Actor("系统").ShouldBe("System");
            Labels().Actor("张三").ShouldBe("张三");
            Labels().Of(Channel.Board | Channel.Meeting).ShouldNotContain("、");
            CultureText.Join(["a", "b"]).ShouldBe("a, b");
            CultureText.Colon.ShouldBe(": ");
            CultureText.Parenthesized("x").ShouldBe(" (x)");
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Labels().Actor("系统").ShouldBe("系统");
            CultureText.Join(["甲", "乙"]).ShouldBe("甲、乙");
            CultureText.Colon.ShouldBe("：");
            CultureText.Parenthesized("x").ShouldBe("（x）");
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }
}
