using FluentValidation;
using FluentValidation.Results;

namespace PartyAffairs.App.Features.Admin;

/// <summary>
/// A rule the admin services check against the database (a taken code, a missing parent), reported like
/// a validator's error so <c>Outcomes</c> shows it with the field it belongs to.
/// </summary>
public static class Invalid
{
    public static ValidationException Field(string propertyName, string message) =>
        new([new ValidationFailure(propertyName, message)]);
}
