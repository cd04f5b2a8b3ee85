using PartyAffairs.App.Domain;

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

    // The home page's counts open the list they count: each list page reads these query strings into its filter.

    /// <summary>The disclosures list in one state, optionally only the signed-in person's own.</summary>
    public static string DisclosuresIn(DisclosureState state, bool mine = false) =>
        mine ? $"/disclosures?state={state}&mine=1" : $"/disclosures?state={state}";

    /// <summary>The disclosures still being written: drafts and what came back rejected.</summary>
    public const string DisclosureDrafts = "/disclosures?drafts=1";

    /// <summary>The disclosures the signed-in person may approve now.</summary>
    public const string DisclosuresAwaitingMyReview = "/disclosures?review=1";

    /// <summary>The schedule's list of occurrences in a status; <paramref name="soonDays"/> says how far ahead "due soon" looks.</summary>
    public static string ScheduleWhere(OccurrenceStatus status, int? soonDays = null) =>
        soonDays is { } days ? $"/catalogue/schedule?status={status}&within={days}" : $"/catalogue/schedule?status={status}";

    public const string FeedbackOpen = "/feedback?open=1";
    public const string FeedbackLate = "/feedback?late=1";
    public static string FeedbackItem(int id) => $"/feedback/{id}";
    public const string AdminOrganizations = "/admin/organizations";
    public const string AdminUsers = "/admin/users";
    public const string AdminLeadingGroup = "/admin/leading-group";
    public const string AdminCalendar = "/admin/calendar";
    public const string AdminSettings = "/admin/settings";
    public const string Login = "/Account/Login";
    public const string Logout = "/Account/Logout";
    public const string LogoutEverywhere = "/Account/LogoutEverywhere";
    public const string ChangePassword = "/Account/Manage/ChangePassword";

    /// <summary>The culture switch: a circuit keeps the culture it started with, so the page reloads through this endpoint.</summary>
    public static string SetCulture(string culture, string currentRelativePath) =>
        $"/culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(currentRelativePath)}";

    public const string Applications = "/applications";
    public static string Application(int id) => $"/applications/{id}";
    public const string Apply = "/apply";

    public const string Board = "/board";
    public const string BoardPrint = "/board/print";
    public const string BoardScreen = "/board/screen";
    public static string BoardItem(int id) => $"/board/{id}";
    public const string Guide = "/guide";
    public const string BoardHistory = "/board/history";
    public static string BoardCatalogue(int year) => $"/board/catalogue/{year}";
    public static string BoardFeedback(int id) => $"/board/{id}/feedback";
    public static string BoardPrintOf(int organizationId, string paper) => $"/board/print?org={organizationId}&paper={paper}";
    public static string BoardScreenAt(int? organizationId, int index) =>
        organizationId is { } org ? $"/board/screen?org={org}&i={index}" : $"/board/screen?i={index}";
}
