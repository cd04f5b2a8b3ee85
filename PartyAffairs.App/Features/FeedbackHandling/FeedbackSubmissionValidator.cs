using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class FeedbackSubmissionValidator : AbstractValidator<FeedbackSubmission>
{
    public FeedbackSubmissionValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.Content).RequiredText(text, "Field.Content", Feedback.MaxContentLength);
        RuleFor(r => r.Name).OptionalText(text, "Field.Name", FeedbackText.MaxNameLength, TextKind.SingleLine);
        RuleFor(r => r.Contact).OptionalText(text, "Field.Contact", FeedbackText.MaxContactLength, TextKind.SingleLine);
    }
}
