using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class ReportFeedbackRequestValidator : AbstractValidator<ReportFeedbackRequest>
{
    public ReportFeedbackRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.LeaderId).NotEmpty().WithMessage(_ => text["Validation.LeaderRequired"]);
        RuleFor(r => r.Resolution).RequiredText(text, "Field.Resolution", Feedback.MaxAnswerLength);
        RuleFor(r => r.PublicSummary).OptionalText(text, "Field.PublicSummary", Feedback.MaxSummaryLength);
    }
}
