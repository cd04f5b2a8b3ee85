using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Settings;

public sealed class AppSettingsValidator : AbstractValidator<AppSettings>
{
    public AppSettingsValidator(IStringLocalizer<Strings> text)
    {
        RuleFor(s => s.ImmediateDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.ImmediateDueWorkingDays"]);
        RuleFor(s => s.RegularDueWorkingDays).InclusiveBetween(0, 60).WithName(_ => text["Settings.RegularDueWorkingDays"]);
        RuleFor(s => s.FeedbackStepWorkingDays).InclusiveBetween(1, 60).WithName(_ => text["Settings.FeedbackStepWorkingDays"]);
        RuleFor(s => s.AttachmentMaxMegabytes).InclusiveBetween(1, 200).WithName(_ => text["Settings.AttachmentMaxMegabytes"]);
        RuleForEach(s => s.SensitiveWords).MaximumLength(50).WithName(_ => text["Settings.SensitiveWords"]);
    }
}
