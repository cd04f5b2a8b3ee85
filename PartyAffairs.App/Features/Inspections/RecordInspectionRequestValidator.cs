using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Inspections;

public sealed class RecordInspectionRequestValidator : AbstractValidator<RecordInspectionRequest>
{
    public const int MaxInspectorsLength = 200;
    public const int MaxNotesLength = 2000;

    public RecordInspectionRequestValidator(IStringLocalizer<AssessmentStrings> text, BureauClock clock)
    {
        RuleFor(r => r.OrganizationId).GreaterThan(0).WithMessage(_ => text["Inspection.OrganizationRequired"]);
        RuleFor(r => r.Date).NotNull().WithMessage(_ => text["Inspection.DateRequired"])
            // An inspection is recorded after it took place.
            .Must(date => date is null || DateOnly.FromDateTime(date.Value) <= clock.Today).WithMessage(_ => text["Inspection.DateInFuture"]);
        RuleFor(r => r.Inspectors).NotEmpty().WithMessage(_ => text["Inspection.InspectorsRequired"])
            .MaximumLength(MaxInspectorsLength).WithMessage(_ => text["Inspection.InspectorsTooLong", MaxInspectorsLength])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.ContentComplete).IsInEnum();
        RuleFor(r => r.FormEffective).IsInEnum();
        RuleFor(r => r.ProcedureRegular).IsInEnum();
        RuleFor(r => r.Timely).IsInEnum();
        RuleFor(r => r.FeedbackAnswered).IsInEnum();
        RuleFor(r => r.Notes).MaximumLength(MaxNotesLength).WithMessage(_ => text["Inspection.NotesTooLong", MaxNotesLength])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleForEach(r => r.Rectifications).SetValidator(new RectificationRequestValidator(text));
        RuleForEach(r => r.Rectifications)
            .Must((request, item) => request.Date is null || item.DueDate is null || item.DueDate.Value.Date >= request.Date.Value.Date)
            .WithMessage(_ => text["Rectification.DueBeforeInspection"]);
    }
}
