using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.LeadingGroup;

public sealed class SeatRequestValidator : AbstractValidator<SeatRequest>
{
    public SeatRequestValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.PersonName).NotEmpty().WithMessage(_ => text["Seat.NameRequired"])
            .MaximumLength(LeadingGroupMember.PersonNameMaxLength).WithMessage(_ => text["Seat.TooLong", LeadingGroupMember.PersonNameMaxLength])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Post).MaximumLength(LeadingGroupMember.PostMaxLength).WithMessage(_ => text["Seat.TooLong", LeadingGroupMember.PostMaxLength])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Position).IsInEnum();
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 999);
        RuleFor(r => r.ValidFrom).NotNull().WithMessage(_ => text["Seat.FromRequired"]);
    }
}
