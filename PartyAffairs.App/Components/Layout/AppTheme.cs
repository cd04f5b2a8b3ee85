using MudBlazor;

namespace PartyAffairs.App.Components.Layout;

/// <summary>The look of the whole app in one place: a restrained Party red, warm gold accents, Chinese-first fonts.</summary>
public static class AppTheme
{
    /// <summary>The light/dark choice survives a reload in this cookie; App.razor reads it so the first paint is already right.</summary>
    public const string CookieName = "pa-theme";

    /// <summary>Name of the cascading value that carries the cookie's choice from App.razor to the layouts.</summary>
    public const string DarkModeCascade = "DarkMode";

    public static bool IsDark(string? cookieValue) => cookieValue == "dark";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#C62828",
            PrimaryDarken = "#A31F1F",
            PrimaryLighten = "#E35151",
            Secondary = "#B7862B",
            Tertiary = "#5D4037",
            AppbarBackground = "#B71C1C",
            AppbarText = "#FFFFFF",
            Background = "#F7F5F2",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.80)",
            DrawerIcon = "#8E2424",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.60)",
            Info = "#1565C0",
            Success = "#2E7D32",
            // Dark enough for 4.5:1 against white, as text (outlined chips) and behind white text (axe: color-contrast).
            Warning = "#B45309",
            Error = "#C62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#EF5350",
            Secondary = "#D9A441",
            Tertiary = "#BCAAA4",
            AppbarBackground = "#3A1414",
            AppbarText = "rgba(255,255,255,0.92)",
            Background = "#17171B",
            Surface = "#222228",
            DrawerBackground = "#1D1D22",
            DrawerText = "rgba(255,255,255,0.80)",
            DrawerIcon = "#EF8A87",
            Info = "#64B5F6",
            Success = "#66BB6A",
            Warning = "#FFB74D",
            Error = "#EF5350",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "232px",
            DefaultBorderRadius = "6px",
        },
    };
}
