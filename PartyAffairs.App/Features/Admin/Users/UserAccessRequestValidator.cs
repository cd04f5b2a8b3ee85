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
        RuleForEach(r => r.Besides).ChildRules(post =>
        {
            post.RuleFor(p => p.OrganizationId).NotNull().WithMessage(_ => text["User.PostOrganizationRequired"]);
            post.RuleFor(p => p.Role).Must(Roles.OfOrganization.Contains).WithMessage(_ => text["User.PostRoleUnknown"]);
        });
        // A post held twice, or held besides in her own organization where her roles already say it, would be counted twice.
        RuleFor(r => r.Besides)
            .Must(posts => posts.Select(p => (p.OrganizationId, p.Role)).Distinct().Count() == posts.Count).WithMessage(_ => text["User.PostTwice"])
            .Must((r, posts) => !posts.Any(p => p.OrganizationId == r.OrganizationId && r.Roles.Contains(p.Role))).WithMessage(_ => text["User.PostTwice"]);
    }
}
