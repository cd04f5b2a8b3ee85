namespace PartyAffairs.App.Components;

/// <summary>The pages the shell and the home page link to, in one place so a moved page is changed once.</summary>
public static class AppRoutes
{
    public const string Home = "/";
    public const string Catalogue = "/catalogue";
    public const string Schedule = "/catalogue/schedule";
    public const string Disclosures = "/disclosures";
    public const string Feedback = "/feedback";
    public const string Archive = "/archive";
    public const string Assessment = "/assessment";
    public const string Dashboard = "/dashboard";
    public const string AuditLog = "/audit";
    public const string Inspections = "/inspections";
    public const string AnnualReport = "/assessment/report";

    public static string Disclosure(int id) => $"/disclosures/{id}";
    public static string FeedbackItem(int id) => $"/feedback/{id}";
    public const string AdminOrganizations = "/admin/organizations";
    public const string AdminUsers = "/admin/users";
    public const string AdminCalendar = "/admin/calendar";
    public const string AdminSettings = "/admin/settings";
    public const string Login = "/Account/Login";
    public const string Logout = "/Account/Logout";
    public const string ChangePassword = "/Account/Manage/ChangePassword";

    /// <summary>The culture switch: a circuit keeps the culture it started with, so the page reloads through this endpoint.</summary>
    public static string SetCulture(string culture, string currentRelativePath) =>
        $"/culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(currentRelativePath)}";

    public const string Board = "/board";
    public const string BoardPrint = "/board/print";
    public const string BoardScreen = "/board/screen";
    public static string BoardItem(int id) => $"/board/{id}";
    public static string BoardFeedback(int id) => $"/board/{id}/feedback";
    public static string BoardPrintOf(int organizationId, string paper) => $"/board/print?org={organizationId}&paper={paper}";
    public static string BoardScreenAt(int? organizationId, int index) =>
        organizationId is { } org ? $"/board/screen?org={org}&i={index}" : $"/board/screen?i={index}";
}
