using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

/// <summary>The same rules as an item entered with the inspection; the due date against the inspection's date is the entity's guard.</summary>
public sealed class AddRectificationRequestValidator : AbstractValidator<AddRectificationRequest>
{
    public AddRectificationRequestValidator(IStringLocalizer<AssessmentStrings> text)
    {
        RuleFor(r => r.InspectionId).GreaterThan(0);
        RuleFor(r => r.What).NotEmpty().WithMessage(_ => text["Rectification.WhatRequired"])
            .MaximumLength(RectificationRequestValidator.MaxWhatLength).WithMessage(_ => text["Rectification.WhatTooLong", RectificationRequestValidator.MaxWhatLength])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.OwnerId).NotEmpty().WithMessage(_ => text["Rectification.OwnerRequired"]);
        RuleFor(r => r.DueDate).NotNull().WithMessage(_ => text["Rectification.DueRequired"]);
    }
}
