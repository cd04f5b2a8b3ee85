using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class FeedbackReplyRequestValidator : AbstractValidator<FeedbackReplyRequest>
{
    public FeedbackReplyRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.Reply).RequiredText(text, "Field.Reply", Feedback.MaxReplyLength);
    }
}
