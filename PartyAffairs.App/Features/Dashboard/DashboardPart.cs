using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// One part of the live dashboard: it takes its own slice of the shared view the page cascades, and renders again only
/// when that slice differs from the one it shows. A push then costs each open dashboard the parts that changed, not the
/// whole page with every MudBlazor component in it (issue 8, live push at 1,000 dashboards).
/// </summary>
public abstract class DashboardPart<TSlice> : ComponentBase
{
    private bool changed;

    [CascadingParameter] public DashboardView? View { get; set; }

    [Inject] private IStringLocalizer<StepStrings> Steps { get; set; } = default!;

    /// <summary>What this part shows of <see cref="View"/>; its default until there is a view.</summary>
    protected TSlice Slice { get; private set; } = default!;

    protected abstract TSlice Select(DashboardView view);

    protected override void OnParametersSet()
    {
        if (View is null) return;
        var slice = Select(View);
        changed = !EqualityComparer<TSlice>.Default.Equals(slice, Slice);
        Slice = slice;
    }

    protected override bool ShouldRender() => changed;

    protected string Title(string? title) => string.IsNullOrWhiteSpace(title) ? Steps["Disclosures.Untitled"] : title;
}
