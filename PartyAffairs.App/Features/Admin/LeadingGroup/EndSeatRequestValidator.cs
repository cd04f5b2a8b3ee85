using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.LeadingGroup;

public sealed class EndSeatRequestValidator : AbstractValidator<EndSeatRequest>
{
    public EndSeatRequestValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.LastDay).NotNull().WithMessage(_ => text["Seat.UntilRequired"]);
        RuleFor(r => r.Reason).MaximumLength(200).WithMessage(_ => text["Seat.TooLong", 200])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
    }
}
