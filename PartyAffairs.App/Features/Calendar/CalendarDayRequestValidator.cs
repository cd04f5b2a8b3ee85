using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Calendar;

public sealed class CalendarDayRequestValidator : AbstractValidator<CalendarDayRequest>
{
    public CalendarDayRequestValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.Date).NotNull().WithMessage(_ => text["Calendar.DateRequired"]);
        // A make-up working day (调休上班) only means something on a weekend; on a weekday it is a slip.
        RuleFor(r => r.Date)
            .Must(date => date is null || date.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .When(r => r.Kind == CalendarDayKind.Workday)
            .WithMessage(_ => text["Calendar.WorkdayOnWeekend"]);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => text["Calendar.NameRequired"])
            .MaximumLength(50).WithMessage(_ => text["Calendar.NameTooLong", 50]);
    }
}
