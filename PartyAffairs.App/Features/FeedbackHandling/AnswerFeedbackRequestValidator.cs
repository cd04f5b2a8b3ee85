using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class AnswerFeedbackRequestValidator : AbstractValidator<AnswerFeedbackRequest>
{
    public AnswerFeedbackRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.Answer).RequiredText(text, "Field.Answer", Feedback.MaxAnswerLength);
    }
}
