using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// The one rule for free text people type into feedback: any script, emoji, markup or SQL-looking text is
/// accepted as plain text (and always shown as text), but invisible control characters, line separators and
/// bidirectional overrides, which hide or reorder what a handler reads, are refused.
/// </summary>
public static class FeedbackText
{
    public const int MaxNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxNoteLength = 500;

    public static bool HasHiddenCharacters(string? value) => value is not null && value.Any(IsHidden);

    private static bool IsHidden(char c) =>
        (char.GetUnicodeCategory(c) == UnicodeCategory.Control && c is not ('\n' or '\r' or '\t'))
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>Required text: not blank, at most <paramref name="max"/> characters, nothing hidden.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<FeedbackStrings> text,
        string field, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Validation.Required", text[field]])
            .Must(v => v.Length <= max).WithMessage((_, v) => text["Validation.TooLong", text[field], max, v.Length])
            .Must(v => !HasHiddenCharacters(v)).WithMessage(_ => text["Validation.HiddenCharacters", text[field]]);

    /// <summary>Optional text: may be empty; if given, at most <paramref name="max"/> characters, nothing hidden.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<FeedbackStrings> text,
        string field, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => v is null || v.Length <= max).WithMessage((_, v) => text["Validation.TooLong", text[field], max, v?.Length ?? 0])
            .Must(v => !HasHiddenCharacters(v)).WithMessage(_ => text["Validation.HiddenCharacters", text[field]]);
}
