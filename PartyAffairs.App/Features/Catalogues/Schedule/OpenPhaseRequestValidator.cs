using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

public sealed class OpenPhaseRequestValidator : AbstractValidator<OpenPhaseRequest>
{
    public OpenPhaseRequestValidator(IStringLocalizer<ScheduleStrings> text, BureauClock clock)
    {
        RuleFor(r => r.ItemId).GreaterThan(0).WithMessage(_ => text["Validation.ItemRequired"]);
        RuleFor(r => r.PhaseIndex).GreaterThanOrEqualTo(0).WithMessage(_ => text["Validation.PhaseRequired"]);
        RuleFor(r => r.OpenedOn).Must((r, day) => day.Year == r.Year).WithMessage(r => text["Validation.DateInYear", r.Year]);
        // A phase is opened when it happens, not planned ahead: the deadline runs from a real day.
        RuleFor(r => r.OpenedOn).Must(day => day <= clock.Today).WithMessage(_ => text["Validation.DateNotFuture"]);
    }
}
