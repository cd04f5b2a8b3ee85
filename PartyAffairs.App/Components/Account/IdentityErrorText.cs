using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Components.Account;

/// <summary>Identity describes its errors in English; the password rules a person meets here are said in their language.</summary>
internal static class IdentityErrorText
{
    public static string Describe(IdentityError error, IStringLocalizer<ShellStrings> text, PasswordOptions password)
    {
        LocalizedString? localized = error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => text["Identity.PasswordMismatch"],
            nameof(IdentityErrorDescriber.PasswordTooShort) => text["Identity.PasswordTooShort", password.RequiredLength],
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => text["Identity.PasswordRequiresDigit"],
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => text["Identity.PasswordRequiresLower"],
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => text["Identity.PasswordRequiresUpper"],
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => text["Identity.PasswordRequiresNonAlphanumeric"],
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => text["Identity.PasswordRequiresUniqueChars", password.RequiredUniqueChars],
            _ => null,
        };
        return localized?.Value ?? error.Description;
    }
}
