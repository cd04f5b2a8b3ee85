using FluentValidation;

namespace PartyAffairs.App.Components.Forms;

/// <summary>
/// Lets a MudForm check each field with the same FluentValidation validator the service runs, so the
/// form and the service cannot disagree. Pass the result to <c>MudForm.Validation</c> and give every
/// field a <c>For</c>: MudForm then calls it with the form's model and the field's property path.
/// </summary>
public static class FluentValidationAdapter
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        For(validator, model => (T)model);

    /// <summary>For a form that edits a mutable copy of the validated type (e.g. of an immutable record) with the same property names.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator, Func<object, T> toValidated) =>
        async (model, propertyPath) =>
        {
            var context = ValidationContext<T>.CreateWithOptions(toValidated(model), options => options.IncludeProperties(propertyPath));
            var result = await validator.ValidateAsync(context);
            return result.Errors.Select(e => e.ErrorMessage);
        };
}
