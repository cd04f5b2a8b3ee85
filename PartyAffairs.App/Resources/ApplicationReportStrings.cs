namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings that count applications for disclosure (依申请公开) in the annual report, the assessment, the dashboard and the reminders (ApplicationReportStrings.resx is Chinese, .en.resx English).</summary>
public sealed class ApplicationReportStrings;
