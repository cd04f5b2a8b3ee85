
namespace PartyAffairs.App.Features.Settings;

/// <summary>An editable copy of <see cref="AppSettings"/> (an immutable record) for the form; same property names, so the same validator checks both.</summary>
public sealed class SettingsForm
{
    public bool OfficeApprovesEverything { get; set; }
    public int ImmediateDueWorkingDays { get; set; }
    public int MonthlyDueWorkingDays { get; set; }
    public int QuarterlyDueWorkingDays { get; set; }
    public int HalfYearlyDueWorkingDays { get; set; }
    public int YearlyDueWorkingDays { get; set; }
    public int PhaseDueWorkingDays { get; set; }
    public int FeedbackAssignWorkingDays { get; set; }
    public int FeedbackAnswerWorkingDays { get; set; }
    public int FeedbackReportWorkingDays { get; set; }
    public int FeedbackAcknowledgeWorkingDays { get; set; }
    public int FeedbackCloseWorkingDays { get; set; }
    public int ApplicationAnswerWorkingDays { get; set; }
    public int ApplicationExtensionWorkingDays { get; set; }
    public int MinimumDisplayDays { get; set; }
    public int StandingDueWorkingDays { get; set; }
    public int AttachmentMaxMegabytes { get; set; }
    public List<string> SensitiveWords { get; set; } = [];
    public string OfficePhone { get; set; } = "";
    public string OfficeAddress { get; set; } = "";
    public string SupervisionPhone { get; set; } = "";
    public string SupervisionEmail { get; set; } = "";

    public static SettingsForm From(AppSettings settings) => new()
    {
        OfficeApprovesEverything = settings.OfficeApprovesEverything,
        ImmediateDueWorkingDays = settings.ImmediateDueWorkingDays,
        MonthlyDueWorkingDays = settings.MonthlyDueWorkingDays,
        QuarterlyDueWorkingDays = settings.QuarterlyDueWorkingDays,
        HalfYearlyDueWorkingDays = settings.HalfYearlyDueWorkingDays,
        YearlyDueWorkingDays = settings.YearlyDueWorkingDays,
        PhaseDueWorkingDays = settings.PhaseDueWorkingDays,
        FeedbackAssignWorkingDays = settings.FeedbackAssignWorkingDays,
        FeedbackAnswerWorkingDays = settings.FeedbackAnswerWorkingDays,
        FeedbackReportWorkingDays = settings.FeedbackReportWorkingDays,
        FeedbackAcknowledgeWorkingDays = settings.FeedbackAcknowledgeWorkingDays,
        FeedbackCloseWorkingDays = settings.FeedbackCloseWorkingDays,
        ApplicationAnswerWorkingDays = settings.ApplicationAnswerWorkingDays,
        ApplicationExtensionWorkingDays = settings.ApplicationExtensionWorkingDays,
        MinimumDisplayDays = settings.MinimumDisplayDays,
        StandingDueWorkingDays = settings.StandingDueWorkingDays,
        AttachmentMaxMegabytes = settings.AttachmentMaxMegabytes,
        SensitiveWords = settings.SensitiveWords.ToList(),
        OfficePhone = settings.OfficePhone,
        OfficeAddress = settings.OfficeAddress,
        SupervisionPhone = settings.SupervisionPhone,
        SupervisionEmail = settings.SupervisionEmail,
    };

    public AppSettings ToSettings() => new()
    {
        OfficeApprovesEverything = OfficeApprovesEverything,
        ImmediateDueWorkingDays = ImmediateDueWorkingDays,
        MonthlyDueWorkingDays = MonthlyDueWorkingDays,
        QuarterlyDueWorkingDays = QuarterlyDueWorkingDays,
        HalfYearlyDueWorkingDays = HalfYearlyDueWorkingDays,
        YearlyDueWorkingDays = YearlyDueWorkingDays,
        PhaseDueWorkingDays = PhaseDueWorkingDays,
        FeedbackAssignWorkingDays = FeedbackAssignWorkingDays,
        FeedbackAnswerWorkingDays = FeedbackAnswerWorkingDays,
        FeedbackReportWorkingDays = FeedbackReportWorkingDays,
        FeedbackAcknowledgeWorkingDays = FeedbackAcknowledgeWorkingDays,
        FeedbackCloseWorkingDays = FeedbackCloseWorkingDays,
        ApplicationAnswerWorkingDays = ApplicationAnswerWorkingDays,
        ApplicationExtensionWorkingDays = ApplicationExtensionWorkingDays,
        MinimumDisplayDays = MinimumDisplayDays,
        StandingDueWorkingDays = StandingDueWorkingDays,
        AttachmentMaxMegabytes = AttachmentMaxMegabytes,
        SensitiveWords = SensitiveWords.ToList(),
        OfficePhone = OfficePhone?.Trim() ?? "",
        OfficeAddress = OfficeAddress?.Trim() ?? "",
        SupervisionPhone = SupervisionPhone?.Trim() ?? "",
        SupervisionEmail = SupervisionEmail?.Trim() ?? "",
    };
}
