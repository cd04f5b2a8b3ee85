using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users;

public sealed class UserAccessRequestValidator : AbstractValidator<UserAccessRequest>
{
    public UserAccessRequestValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage(_ => text["User.DisplayNameRequired"])
            .MaximumLength(50).WithMessage(_ => text["User.DisplayNameTooLong", 50])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Roles).NotEmpty().WithMessage(_ => text["User.RoleRequired"])
            .Must(roles => roles.All(Roles.All.Contains)).WithMessage(_ => text["User.RoleUnknown"]);
        // Secretaries and Drafters act only inside their own organization, so they must have one.
        RuleFor(r => r.OrganizationId).NotNull().When(r => r.Roles.Any(Roles.Scoped.Contains))
            .WithMessage(_ => text["User.OrganizationRequired"]);
    }
}
