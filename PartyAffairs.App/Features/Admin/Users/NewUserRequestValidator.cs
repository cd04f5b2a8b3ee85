using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users;

public sealed class NewUserRequestValidator : AbstractValidator<NewUserRequest>
{
    public NewUserRequestValidator(IValidator<UserAccessRequest> access, IStringLocalizer<AdminStrings> text)
    {
        // The characters Identity accepts in a user name by default, less '@' and '+' (no e-mail addresses here).
        RuleFor(r => r.UserName).Matches("^[A-Za-z0-9._-]{2,32}$").WithMessage(_ => text["User.UserNameFormat"]);
        Include(access);
    }
}
