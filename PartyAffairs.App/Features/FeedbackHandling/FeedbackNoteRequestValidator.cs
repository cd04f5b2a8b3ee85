using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

public sealed class FeedbackNoteRequestValidator : AbstractValidator<FeedbackNoteRequest>
{
    public FeedbackNoteRequestValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.Note).OptionalText(text, "Field.Note", FeedbackText.MaxNoteLength);
    }
}
