using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class AssignFeedbackRequestValidator : AbstractValidator<AssignFeedbackRequest>
{
    public AssignFeedbackRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.AssigneeId).NotEmpty().WithMessage(_ => text["Validation.AssigneeRequired"]);
    }
}
