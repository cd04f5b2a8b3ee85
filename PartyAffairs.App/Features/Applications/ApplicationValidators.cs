using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Applications;

public sealed class ApplicationSubmissionValidator : AbstractValidator<ApplicationSubmission>
{
    public ApplicationSubmissionValidator(IStringLocalizer<FeedbackStrings> text)
    {
        RuleFor(r => r.OrganizationId).GreaterThan(0).WithMessage(_ => text["Validation.Required", text["Field.Organization"]]);
        RuleFor(r => r.Scope).IsInEnum().WithMessage(_ => text["Validation.Required", text["Field.Scope"]]);
        RuleFor(r => r.Subject).RequiredText(text, "Field.Subject", DisclosureApplication.MaxSubjectLength);
        RuleFor(r => r.Purpose).OptionalText(text, "Field.Purpose", DisclosureApplication.MaxPurposeLength);
        RuleFor(r => r.Name).OptionalText(text, "Field.Name", FeedbackText.MaxNameLength, TextKind.SingleLine);
        RuleFor(r => r.Contact).OptionalText(text, "Field.Contact", FeedbackText.MaxContactLength, TextKind.SingleLine);
    }
}

public sealed class PaperApplicationRequestValidator : AbstractValidator<PaperApplicationRequest>
{
    public PaperApplicationRequestValidator(IStringLocalizer<FeedbackStrings> text, BureauClock clock)
    {
        RuleFor(r => r.OrganizationId).GreaterThan(0).WithMessage(_ => text["Validation.Required", text["Field.Organization"]]);
        RuleFor(r => r.Channel).IsInEnum().NotEqual(ApplicationChannel.Online).WithMessage(_ => text["Validation.OfflineChannel"]);
        RuleFor(r => r.ReceivedOn).Must(d => d <= clock.Today).WithMessage(_ => text["Validation.ReceivedInFuture"]);
        RuleFor(r => r.Subject).RequiredText(text, "Field.Subject", DisclosureApplication.MaxSubjectLength);
        RuleFor(r => r.Purpose).OptionalText(text, "Field.Purpose", DisclosureApplication.MaxPurposeLength);
        RuleFor(r => r.Name).OptionalText(text, "Field.Name", FeedbackText.MaxNameLength, TextKind.SingleLine);
        RuleFor(r => r.Contact).OptionalText(text, "Field.Contact", FeedbackText.MaxContactLength, TextKind.SingleLine);
    }
}

public sealed class AssignApplicationRequestValidator : AbstractValidator<AssignApplicationRequest>
{
    public AssignApplicationRequestValidator(IStringLocalizer<FeedbackStrings> text) =>
        RuleFor(r => r.AssigneeId).NotEmpty().WithMessage(_ => text["Validation.AssigneeRequired"]);
}

public sealed class ExtendApplicationRequestValidator : AbstractValidator<ExtendApplicationRequest>
{
    public ExtendApplicationRequestValidator(IStringLocalizer<FeedbackStrings> text) =>
        RuleFor(r => r.Reason).RequiredText(text, "Field.Reason", DisclosureApplication.MaxReasonLength);
}

/// <summary>The form's checks; what each outcome must carry is the domain's one rule (<see cref="ApplicationRules.AnswerProblem"/>).</summary>
public sealed class AnswerApplicationRequestValidator : AbstractValidator<AnswerApplicationRequest>
{
    public AnswerApplicationRequestValidator(IStringLocalizer<FeedbackStrings> text, IStringLocalizer<Strings> rules)
    {
        RuleFor(r => r.Outcome).IsInEnum().WithMessage(_ => rules["Application.OutcomeRequired"]);
        RuleFor(r => r.Answer).RequiredText(text, "Field.ApplicationAnswer", DisclosureApplication.MaxAnswerLength);
        RuleFor(r => r.Withheld).OptionalText(text, "Field.Withheld", DisclosureApplication.MaxAnswerLength);
        RuleFor(r => r.RefusalText).OptionalText(text, "Field.RefusalText", DisclosureApplication.MaxReasonLength);
        RuleFor(r => r.DraftCategory).Must(c => c is null || Enum.IsDefined(c.Value)).WithMessage(_ => text["Validation.Required", text["Field.Category"]]);
        RuleFor(r => r).Must(r => r.DisclosureId is null || r.DraftCategory is null).WithName("DisclosureId")
            .WithMessage(_ => text["Application.LinkOrDraft"]);
        RuleFor(r => r).Custom((r, context) =>
        {
            var problem = ApplicationRules.AnswerProblem(r.Outcome, r.DisclosureId is not null || r.DraftCategory is not null, r.Withheld, r.Refusal, r.RefusalText);
            if (problem is not null) context.AddFailure(FieldOf(problem), rules[problem]);
        });
    }

    private static string FieldOf(string problem) => problem switch
    {
        "Application.WithheldRequired" or "Application.WithheldOnlyForPartial" => nameof(AnswerApplicationRequest.Withheld),
        "Application.RefusalTextRequired" => nameof(AnswerApplicationRequest.RefusalText),
        "Application.RefusalReasonRequired" or "Application.ReasonOnlyForRefusal" => nameof(AnswerApplicationRequest.Refusal),
        "Application.OutcomeRequired" => nameof(AnswerApplicationRequest.Outcome),
        _ => nameof(AnswerApplicationRequest.DisclosureId),
    };
}
