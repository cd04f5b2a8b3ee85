using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities;
using PartyAffairs.App.Components.Layout;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>
/// How the assessment's two charts draw: on time, late and missed in the theme's success, warning and error colours (the
/// table's colours for the same figures), and a count axis with whole-number ticks a person can read at a glance.
/// </summary>
public static class AssessmentCharts
{
    /// <summary>The series order of <c>AssessmentPage.Series</c>: on time, late, missed.</summary>
    public static readonly string[] Palette =
        [Hex(AppTheme.Theme.PaletteLight.Success), Hex(AppTheme.Theme.PaletteLight.Warning), Hex(AppTheme.Theme.PaletteLight.Error)];

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);

    /// <summary>
    /// The spacing of the count axis's ticks: 1 up to 10 (MudBlazor's default of 20 leaves a chart of a few items with a
    /// single 0 tick), then 2, 5, 10, 20, 50… so there are at most about ten.
    /// </summary>
    public static int TickStep(double max)
    {
        if (max <= 10) return 1;
        var step = 1;
        while (true)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (max / (step * factor) <= 10) return step * factor;
            }
            step *= 10;
        }
    }

    public static BarChartOptions Bars(double max) => new()
    {
        ChartPalette = Palette,
        YAxisTicks = TickStep(max),
        YAxisFormat = "0",
        // Organization names are long: tilted, they do not run into each other.
        XAxisLabelRotation = 30,
    };

    public static LineChartOptions Lines(double max) => new()
    {
        ChartPalette = Palette,
        YAxisTicks = TickStep(max),
        YAxisFormat = "0",
        YAxisRequireZeroPoint = true,
    };

    /// <summary>A month on the trend's axis, short in the reader's language: 「1月」, "Jan".</summary>
    public static string MonthTick(int month) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(month);
}
