using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Publishing.Drafting;

/// <summary>
/// What an autosave may store. Deliberately lenient — an unfinished draft (no title yet, no channel) is saved;
/// the submission rules are checked separately. Only what would harm the store is refused here. An end before the start is
/// stored too: refusing it stopped every later keystroke from being saved, and <c>Disclosure.SubmissionProblems</c> reports it.
/// </summary>
public sealed class DraftRequestValidator : AbstractValidator<DraftRequest>
{
    public const int MaxTitleLength = 200;
    /// <summary>Visible characters (<see cref="BodyHtml.TextLength"/>), what the editor's count shows.</summary>
    public const int MaxBodyLength = 100_000;
    /// <summary>The markup around a full-length body (tables, lists, emphasis) stays far below this; more is not a body.</summary>
    public const int MaxBodyHtmlLength = 2_000_000;

    public DraftRequestValidator(IStringLocalizer<DraftStrings> text)
    {
        RuleFor(r => r.Title).NotNull().MaximumLength(MaxTitleLength).WithMessage(_ => text["Draft.TitleTooLong", MaxTitleLength])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Body).Cascade(CascadeMode.Stop).NotNull()
            .MaximumLength(MaxBodyHtmlLength).WithMessage(r => text["Draft.BodyHtmlTooLong", MaxBodyHtmlLength, r.Body.Length])
            .Must(body => BodyHtml.TextLength(body) <= MaxBodyLength).WithMessage(r => text["Draft.BodyTooLong", MaxBodyLength, BodyHtml.TextLength(r.Body)])
            .PlainText(TextKind.MultiLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Audience).IsInEnum();
    }
}
