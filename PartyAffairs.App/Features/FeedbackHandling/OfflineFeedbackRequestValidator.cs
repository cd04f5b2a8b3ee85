using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class OfflineFeedbackRequestValidator : AbstractValidator<OfflineFeedbackRequest>
{
    public OfflineFeedbackRequestValidator(IStringLocalizer<FeedbackStrings> text, BureauClock clock)
    {
        RuleFor(r => r.DisclosureId).GreaterThan(0).WithMessage(_ => text["Validation.DisclosureRequired"]);
        RuleFor(r => r.Channel).IsInEnum().NotEqual(FeedbackChannel.Online).WithMessage(_ => text["Validation.OfflineChannel"]);
        RuleFor(r => r.ReceivedOn).Must(d => d <= clock.Today).WithMessage(_ => text["Validation.ReceivedInFuture"]);
        RuleFor(r => r.Content).RequiredText(text, "Field.Content", Feedback.MaxContentLength);
        RuleFor(r => r.Name).OptionalText(text, "Field.Name", FeedbackText.MaxNameLength, TextKind.SingleLine);
        RuleFor(r => r.Contact).OptionalText(text, "Field.Contact", FeedbackText.MaxContactLength, TextKind.SingleLine);
    }
}
