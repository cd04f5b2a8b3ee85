using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>
/// Checks one line of a template file cell by cell. Each failure names its column (the property name is the
/// Chinese header) so the import can say 第 5 行「时限」：…. Whether the organization exists is the analyzer's to say,
/// once per unknown name for the whole file, with the names that would do.
/// Internal so the assembly scan does not register it: it is made per import, with that moment's organizations.
/// </summary>
internal sealed class CatalogueRowValidator : AbstractValidator<CatalogueCells>
{
    public CatalogueRowValidator(IStringLocalizer<CatalogueImportStrings> text)
    {
        RuleFor(r => r.Organization).NotEmpty().WithMessage(_ => text["Import.Required"])
            .OverridePropertyName(CatalogueFormat.Organization);
        RuleFor(r => r.Category).NotEmpty().WithMessage(_ => text["Import.Required"])
            .Must(c => CatalogueFormat.ParseCategory(c) is not null).WithMessage(r => text["Import.BadCategory", r.Category])
            .OverridePropertyName(CatalogueFormat.Category);
        RuleFor(r => r.Title).NotEmpty().WithMessage(_ => text["Import.Required"])
            .MaximumLength(200).WithMessage(_ => text["Import.TooLong", 200])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Import.HiddenCharacters"])
            .OverridePropertyName(CatalogueFormat.Title);
        RuleFor(r => r.Description).MaximumLength(2000).WithMessage(_ => text["Import.TooLong", 2000])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Import.HiddenCharacters"])
            .OverridePropertyName(CatalogueFormat.Description);
        RuleFor(r => r.Channels).NotEmpty().WithMessage(_ => text["Import.Required"])
            .Must(c => CatalogueFormat.ParseChannels(c) is not null).WithMessage(r => text["Import.BadChannels", r.Channels, CatalogueFormat.AllChannels])
            .OverridePropertyName(CatalogueFormat.Channels);
        RuleFor(r => r.Audience).NotEmpty().WithMessage(_ => text["Import.Required"])
            .Must(a => CatalogueFormat.ParseAudience(a) is not null).WithMessage(r => text["Import.BadAudience", r.Audience, CatalogueFormat.AllAudiences])
            .OverridePropertyName(CatalogueFormat.Audience);
        RuleFor(r => r.Cadence).NotEmpty().WithMessage(_ => text["Import.Required"])
            .Must(c => CatalogueFormat.ParseCadence(c) is not null).WithMessage(r => text["Import.BadCadence", r.Cadence, CatalogueFormat.AllCadences])
            .OverridePropertyName(CatalogueFormat.Cadence);
        RuleFor(r => r.Standing).Must(s => CatalogueFormat.ParseStanding(s) is not null).WithMessage(r => text["Import.BadStanding", r.Standing])
            .OverridePropertyName(CatalogueFormat.Standing);
        RuleFor(r => r.Responsible).MaximumLength(100).WithMessage(_ => text["Import.TooLong", 100])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Import.HiddenCharacters"])
            .OverridePropertyName(CatalogueFormat.Responsible);
        RuleFor(r => r.Phases)
            .Must(p => CatalogueFormat.ParsePhases(p).Count > 0)
            .When(r => CatalogueFormat.ParseCadence(r.Cadence) == Domain.Cadence.Phased)
            .WithMessage(_ => text["Import.PhasesRequired"])
            .OverridePropertyName(CatalogueFormat.Phases);
        RuleFor(r => r.BodyTemplate).Cascade(CascadeMode.Stop)
            .Must(BodyTemplateText.TextFits).WithMessage(_ => text["Import.BodyTemplateTooLong", BodyTemplateText.MaxTextLength])
            .Must(BodyTemplateText.MarkupFits).WithMessage(_ => text["Import.BodyTemplateMarkupTooLong", CatalogueItem.MaxBodyTemplateLength])
            .OverridePropertyName(CatalogueFormat.BodyTemplate);
    }
}
