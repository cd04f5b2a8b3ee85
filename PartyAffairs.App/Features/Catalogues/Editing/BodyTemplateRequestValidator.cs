using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Editing;

/// <summary>A body template's limits, checked by the dialog as the Office types and again by the service: on the cleaned result, as stored.</summary>
public sealed class BodyTemplateRequestValidator : AbstractValidator<BodyTemplateRequest>
{
    public BodyTemplateRequestValidator(IStringLocalizer<CatalogueStrings> text)
    {
        RuleFor(r => r.Html).Cascade(CascadeMode.Stop)
            .Must(BodyTemplateText.TextFits).WithMessage(_ => text["BodyTemplate.TooLong", BodyTemplateText.MaxTextLength])
            .Must(BodyTemplateText.MarkupFits).WithMessage(_ => text["BodyTemplate.MarkupTooLong", CatalogueItem.MaxBodyTemplateLength]);
    }
}
