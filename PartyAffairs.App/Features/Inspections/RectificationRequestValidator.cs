using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

public sealed class RectificationRequestValidator : AbstractValidator<RectificationRequest>
{
    public const int MaxWhatLength = 1000;

    public RectificationRequestValidator(IStringLocalizer<AssessmentStrings> text)
    {
        RuleFor(r => r.What).NotEmpty().WithMessage(_ => text["Rectification.WhatRequired"])
            .MaximumLength(MaxWhatLength).WithMessage(_ => text["Rectification.WhatTooLong", MaxWhatLength])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.OwnerId).NotEmpty().WithMessage(_ => text["Rectification.OwnerRequired"]);
        RuleFor(r => r.DueDate).NotNull().WithMessage(_ => text["Rectification.DueRequired"]);
    }
}
