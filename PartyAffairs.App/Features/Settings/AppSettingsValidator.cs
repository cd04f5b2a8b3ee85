using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Settings;

public sealed class AppSettingsValidator : AbstractValidator<AppSettings>
{
    public AppSettingsValidator(IStringLocalizer<Strings> text)
    {
        RuleFor(s => s.ImmediateDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.ImmediateDueWorkingDays"]);
        RuleFor(s => s.MonthlyDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.MonthlyDueWorkingDays"]);
        RuleFor(s => s.QuarterlyDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.QuarterlyDueWorkingDays"]);
        RuleFor(s => s.HalfYearlyDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.HalfYearlyDueWorkingDays"]);
        RuleFor(s => s.YearlyDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.YearlyDueWorkingDays"]);
        RuleFor(s => s.PhaseDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.PhaseDueWorkingDays"]);
        RuleFor(s => s.FeedbackAssignWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAssignWorkingDays"]);
        RuleFor(s => s.FeedbackAnswerWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAnswerWorkingDays"]);
        RuleFor(s => s.FeedbackReportWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackReportWorkingDays"]);
        RuleFor(s => s.FeedbackAcknowledgeWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAcknowledgeWorkingDays"]);
        RuleFor(s => s.FeedbackCloseWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackCloseWorkingDays"]);
        RuleFor(s => s.MinimumDisplayDays).InclusiveBetween(1, 30).WithName(_ => text["Settings.MinimumDisplayDays"]);
        RuleFor(s => s.StandingDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.StandingDueWorkingDays"]);
        RuleFor(s => s.AttachmentMaxMegabytes).InclusiveBetween(1, 200).WithName(_ => text["Settings.AttachmentMaxMegabytes"]);
        RuleForEach(s => s.SensitiveWords).MaximumLength(50).WithName(_ => text["Settings.SensitiveWords"]);
    }
}
