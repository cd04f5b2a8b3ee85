using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

public sealed class CompleteRectificationRequestValidator : AbstractValidator<CompleteRectificationRequest>
{
    public const int MaxOutcomeLength = 1000;

    public CompleteRectificationRequestValidator(IStringLocalizer<AssessmentStrings> text)
    {
        RuleFor(r => r.Outcome).NotEmpty().WithMessage(_ => text["Rectification.OutcomeRequired"])
            .MaximumLength(MaxOutcomeLength).WithMessage(_ => text["Rectification.OutcomeTooLong", MaxOutcomeLength])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
    }
}
