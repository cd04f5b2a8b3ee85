using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

public sealed class RecordEventRequestValidator : AbstractValidator<RecordEventRequest>
{
    public const int LabelMaxLength = 100;

    public RecordEventRequestValidator(IStringLocalizer<ScheduleStrings> text, BureauClock clock)
    {
        RuleFor(r => r.ItemId).GreaterThan(0).WithMessage(_ => text["Validation.ItemRequired"]);
        RuleFor(r => r.Label).NotEmpty().WithMessage(_ => text["Validation.LabelRequired"])
            .MaximumLength(LabelMaxLength).WithMessage(_ => text["Validation.LabelTooLong", LabelMaxLength]);
        RuleFor(r => r.EventDate).Must((r, day) => day.Year == r.Year).WithMessage(r => text["Validation.DateInYear", r.Year]);
        // An event is recorded after it happened: the deadline runs from a real day.
        RuleFor(r => r.EventDate).Must(day => day <= clock.Today).WithMessage(_ => text["Validation.DateNotFuture"]);
    }
}
