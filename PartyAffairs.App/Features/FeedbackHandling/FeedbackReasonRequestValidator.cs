using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class FeedbackReasonRequestValidator : AbstractValidator<FeedbackReasonRequest>
{
    public FeedbackReasonRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.Reason).RequiredText(text, "Field.Reason", FeedbackText.MaxNoteLength);
    }
}
