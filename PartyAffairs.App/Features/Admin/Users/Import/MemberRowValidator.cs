using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Checks one line of a member file cell by cell; each failure names its column (the property name is the Chinese
/// header). What depends on the rest of the file or the database (organization, duplicate names, who may grant which
/// role) is the analyzer's. Internal so the assembly scan does not register it.
/// </summary>
internal sealed class MemberRowValidator : AbstractValidator<MemberCells>
{
    public MemberRowValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Members.Required"])
            .MaximumLength(50).WithMessage(_ => text["User.DisplayNameTooLong", 50])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"])
            .OverridePropertyName(MemberFormat.DisplayName);
        RuleFor(r => r.UserName)
            .Must(MemberFormat.IsUserName).When(r => r.UserName.Length > 0).WithMessage(_ => text["User.UserNameFormat"])
            .OverridePropertyName(MemberFormat.UserName);
        RuleFor(r => r.Organization).NotEmpty().WithMessage(_ => text["Members.Required"])
            .OverridePropertyName(MemberFormat.Organization);
        RuleFor(r => r.Phone).Must(MemberFormat.IsPhone).WithMessage(r => text["Members.BadPhone", r.Phone])
            .OverridePropertyName(MemberFormat.Phone);
        RuleFor(r => r.Category).Must(c => MemberFormat.TryParseCategory(c, out _)).WithMessage(r => text["Members.BadCategory", r.Category])
            .OverridePropertyName(MemberFormat.Category);
    }
}
