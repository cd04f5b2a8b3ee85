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

    /// <summary>Working days each feedback step (assign, answer, report, disclose the result, close) may take.</summary>
    public int FeedbackStepWorkingDays { get; init; } = 5;

    public int AttachmentMaxMegabytes { get; init; } = 20;

    /// <summary>Words that block submission until a reviewer overrides them with a reason.</summary>
    public IReadOnlyList<string> SensitiveWords { get; init; } = ["绝密", "机密", "秘密", "内部资料"];

    public DueRules DueRules => new(MonthlyDueWorkingDays, QuarterlyDueWorkingDays, HalfYearlyDueWorkingDays,
        YearlyDueWorkingDays, PhaseDueWorkingDays, ImmediateDueWorkingDays);
}
