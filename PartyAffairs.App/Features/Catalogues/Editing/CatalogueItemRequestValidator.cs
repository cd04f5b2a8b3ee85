using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>One set of rules for a catalogue item, checked by the form field by field and again by the services.</summary>
public sealed class CatalogueItemRequestValidator : AbstractValidator<CatalogueItemRequest>
{
    public CatalogueItemRequestValidator(IStringLocalizer<CatalogueStrings> text)
    {
        RuleFor(r => r.OrganizationId).NotNull().WithMessage(_ => text["Item.OrganizationRequired"]);
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => text["Item.TitleRequired"])
            .MaximumLength(200).WithMessage(_ => text["Item.TooLong", 200])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Description).MaximumLength(2000).WithMessage(_ => text["Item.TooLong", 2000])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Channels).NotEqual(Channel.None).WithMessage(_ => text["Item.ChannelRequired"]);
        RuleFor(r => r.Audience).IsInEnum();
        RuleFor(r => r.Cadence).IsInEnum();
        RuleFor(r => r.ResponsiblePerson).MaximumLength(100).WithMessage(_ => text["Item.TooLong", 100])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Phases).Must((r, _) => r.PhaseList().Count > 0).When(r => r.Cadence == Cadence.Phased)
            .WithMessage(_ => text["Item.PhasesRequired"]);
    }
}
