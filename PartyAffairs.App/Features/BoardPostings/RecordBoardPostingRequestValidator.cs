using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>What the dialog checks field by field and the service checks again; the rules on the items are the domain's.</summary>
public sealed class RecordBoardPostingRequestValidator : AbstractValidator<RecordBoardPostingRequest>
{
    public RecordBoardPostingRequestValidator(IStringLocalizer<PostingStrings> text, BureauClock clock)
    {
        RuleFor(r => r.OrganizationId).GreaterThan(0).WithMessage(_ => text["Posting.OrganizationRequired"]);
        RuleFor(r => r.PostedOn).NotNull().WithMessage(_ => text["Posting.DateRequired"])
            .Must(date => date is null || DateOnly.FromDateTime(date.Value) <= clock.Today).WithMessage(_ => text["Posting.DateInFuture"]);
        RuleFor(r => r.Location).NotEmpty().WithMessage(_ => text["Posting.LocationRequired"])
            .MaximumLength(BoardPosting.MaxLocationLength).WithMessage(_ => text["Posting.LocationTooLong", BoardPosting.MaxLocationLength])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.PhotoContent).NotEmpty().WithMessage(_ => text["Posting.PhotoRequired"]);
        RuleFor(r => r.PhotoFileName).NotEmpty().WithMessage(_ => text["Posting.PhotoRequired"]);
        RuleFor(r => r.DisclosureIds).NotEmpty().WithMessage(_ => text["Posting.ItemsRequired"]);
    }
}
