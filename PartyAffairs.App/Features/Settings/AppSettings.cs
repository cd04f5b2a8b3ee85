using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Settings;

/// <summary>
/// The settings the Office and Admin change while the app runs. Stored key by key in the Settings
/// table; a key never saved has the default written here.
/// </summary>
public sealed record AppSettings
{
    /// <summary>Send every disclosure to the Office for approval, not only out-of-catalogue ones (§5(二)2 allows it).</summary>
    public bool OfficeApprovesEverything { get; init; }

    /// <summary>Working days an immediate (即时) item has from the event to its disclosure.</summary>
    public int ImmediateDueWorkingDays { get; init; } = 5;

    /// <summary>Working days after its period ends by which a regular item must be disclosed, per cadence.</summary>
    public int MonthlyDueWorkingDays { get; init; } = 5;

    public int QuarterlyDueWorkingDays { get; init; } = 10;

    public int HalfYearlyDueWorkingDays { get; init; } = 10;

    public int YearlyDueWorkingDays { get; init; } = 15;

    /// <summary>Working days a phase of a phased (逐段) item has once the Secretary opens it.</summary>
    public int PhaseDueWorkingDays { get; init; } = 5;

    /// <summary>Working days the handler has to assign new feedback.</summary>
    public int FeedbackAssignWorkingDays { get; init; } = 2;

    /// <summary>Working days the assignee has to answer.</summary>
    public int FeedbackAnswerWorkingDays { get; init; } = 5;

    /// <summary>Working days to report the answer to the leader in charge.</summary>
    public int FeedbackReportWorkingDays { get; init; } = 2;

    /// <summary>Working days the leader in charge has to acknowledge the report, which discloses the result.</summary>
    public int FeedbackAcknowledgeWorkingDays { get; init; } = 3;

    /// <summary>Working days to close feedback once its result is disclosed.</summary>
    public int FeedbackCloseWorkingDays { get; init; } = 5;

    /// <summary>Working days the bureau has to answer an application for disclosure (依申请公开), from the day it is received.</summary>
    public int ApplicationAnswerWorkingDays { get; init; } = 15;

    /// <summary>Working days the one extension of an application's deadline adds, counted from the old due date.</summary>
    public int ApplicationExtensionWorkingDays { get; init; } = 15;

    /// <summary>Days an ordinary (not Important) catalogue item must stay on display to fulfil its occurrence; Important items a week.</summary>
    public int MinimumDisplayDays { get; init; } = 1;

    /// <summary>Working days after the catalogue comes into force by which each standing (长期) line must be on display.</summary>
    public int StandingDueWorkingDays { get; init; } = 10;

    public int AttachmentMaxMegabytes { get; init; } = 20;

    /// <summary>Words that block submission until a reviewer overrides them with a reason.</summary>
    public IReadOnlyList<string> SensitiveWords { get; init; } = ["绝密", "机密", "秘密", "内部资料"];

    /// <summary>The leading-group office's telephone and address, shown on the public guide (公开指南); empty: not shown.</summary>
    public string OfficePhone { get; init; } = "";

    public string OfficeAddress { get; init; } = "";

    /// <summary>The supervision (监督) telephone and e-mail, shown on the public guide; empty: not shown.</summary>
    public string SupervisionPhone { get; init; } = "";

    public string SupervisionEmail { get; init; } = "";

    /// <summary>Working days the step that starts in <paramref name="state"/> may take; none once closed.</summary>
    public int? FeedbackStepWorkingDays(FeedbackState state) => state switch
    {
        FeedbackState.Received => FeedbackAssignWorkingDays,
        FeedbackState.Assigned => FeedbackAnswerWorkingDays,
        FeedbackState.Answered => FeedbackReportWorkingDays,
        FeedbackState.Reported => FeedbackAcknowledgeWorkingDays,
        FeedbackState.ResultDisclosed => FeedbackCloseWorkingDays,
        _ => null,
    };

    public DisplayRules DisplayRules => new(TimeSpan.FromDays(MinimumDisplayDays));

    public DueRules DueRules => new(MonthlyDueWorkingDays, QuarterlyDueWorkingDays, HalfYearlyDueWorkingDays,
        YearlyDueWorkingDays, PhaseDueWorkingDays, ImmediateDueWorkingDays, StandingDueWorkingDays);
}
