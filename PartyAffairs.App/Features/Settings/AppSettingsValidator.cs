using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Settings;

public sealed class AppSettingsValidator : AbstractValidator<AppSettings>
{
    /// <summary>
    /// A due-day setting counts working days after the period, phase or event: 0 would make a month's report due on the
    /// month's last day, before anyone could write it, so at least one working day.
    /// </summary>
    private static string DueDays(IStringLocalizer<Strings> text, string setting) => text["Settings.DueDaysRange", text[$"Settings.{setting}"], 1, 60];

    public AppSettingsValidator(IStringLocalizer<Strings> text)
    {
        RuleFor(s => s.ImmediateDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.ImmediateDueWorkingDays"]).WithMessage(_ => DueDays(text, "ImmediateDueWorkingDays"));
        RuleFor(s => s.MonthlyDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.MonthlyDueWorkingDays"]).WithMessage(_ => DueDays(text, "MonthlyDueWorkingDays"));
        RuleFor(s => s.QuarterlyDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.QuarterlyDueWorkingDays"]).WithMessage(_ => DueDays(text, "QuarterlyDueWorkingDays"));
        RuleFor(s => s.HalfYearlyDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.HalfYearlyDueWorkingDays"]).WithMessage(_ => DueDays(text, "HalfYearlyDueWorkingDays"));
        RuleFor(s => s.YearlyDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.YearlyDueWorkingDays"]).WithMessage(_ => DueDays(text, "YearlyDueWorkingDays"));
        RuleFor(s => s.PhaseDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.PhaseDueWorkingDays"]).WithMessage(_ => DueDays(text, "PhaseDueWorkingDays"));
        RuleFor(s => s.FeedbackAssignWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAssignWorkingDays"]);
        RuleFor(s => s.FeedbackAnswerWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAnswerWorkingDays"]);
        RuleFor(s => s.FeedbackReportWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackReportWorkingDays"]);
        RuleFor(s => s.FeedbackAcknowledgeWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackAcknowledgeWorkingDays"]);
        RuleFor(s => s.FeedbackCloseWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackCloseWorkingDays"]);
        RuleFor(s => s.ApplicationAnswerWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.ApplicationAnswerWorkingDays"]);
        RuleFor(s => s.ApplicationExtensionWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.ApplicationExtensionWorkingDays"]);
        RuleFor(s => s.MinimumDisplayDays).InclusiveBetween(1, 30).WithName(_ => text["Settings.MinimumDisplayDays"]);
        RuleFor(s => s.StandingDueWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.StandingDueWorkingDays"]).WithMessage(_ => DueDays(text, "StandingDueWorkingDays"));
        RuleFor(s => s.AttachmentMaxMegabytes).InclusiveBetween(1, 200).WithName(_ => text["Settings.AttachmentMaxMegabytes"]);
        RuleFor(s => s.OfficePhone).MaximumLength(50).Matches(@"^[0-9+\-()（） ]*$").WithName(_ => text["Settings.OfficePhone"]);
        RuleFor(s => s.SupervisionPhone).MaximumLength(50).Matches(@"^[0-9+\-()（） ]*$").WithName(_ => text["Settings.SupervisionPhone"]);
        RuleFor(s => s.OfficeAddress).MaximumLength(200).WithName(_ => text["Settings.OfficeAddress"]);
        RuleFor(s => s.SupervisionEmail).MaximumLength(100).EmailAddress().When(s => s.SupervisionEmail.Length > 0).WithName(_ => text["Settings.SupervisionEmail"]);
        RuleForEach(s => s.SensitiveWords).MaximumLength(50).WithName(_ => text["Settings.SensitiveWords"]);
    }
}
