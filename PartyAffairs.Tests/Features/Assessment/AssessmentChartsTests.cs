using PartyAffairs.App.Components.Layout;
using PartyAffairs.App.Features.Assessment;

namespace PartyAffairs.Tests.Features.Assessment;

public sealed class AssessmentChartsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(40, 5)]
    [InlineData(95, 10)]
    [InlineData(180, 20)]
    [InlineData(999, 100)]
    public void The_count_axis_has_whole_number_ticks_and_about_ten_at_most(double max, int step)
    {
        AssessmentCharts.TickStep(max).ShouldBe(step);
        (max / step).ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public void On_time_late_and_missed_are_drawn_in_success_warning_and_error()
    {
        var palette = AssessmentCharts.Bars(5).ChartPalette!;
        palette[0].ShouldBe("#2E7D32", StringCompareShould.IgnoreCase);
        palette[1].ShouldBe(AppTheme.Theme.PaletteLight.Warning.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex));
        palette[1].ShouldBe("#B45309", StringCompareShould.IgnoreCase);
        palette[2].ShouldBe("#C62828", StringCompareShould.IgnoreCase);
        AssessmentCharts.Lines(5).ChartPalette.ShouldBe(palette);
        AssessmentCharts.Bars(5).YAxisTicks.ShouldBe(1);
    }
}
