using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// The one rule for free text people type into feedback: any script, emoji, markup or SQL-looking text is
/// accepted as plain text (and always shown as text), but what <see cref="UserText"/> refuses (control characters,
/// bidi overrides and isolates; in a name or contact also line breaks and zero-width characters), which hides or
/// reorders what a handler reads, is refused.
/// </summary>
public static class FeedbackText
{
    public const int MaxNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxNoteLength = 500;

    /// <summary>What mailbox feedback (about no one item) is titled where a list names feedback by its item; stored text is in the bureau's language.</summary>
    public const string MailboxTitle = "意见箱";

    /// <summary>What <see cref="UserText"/> refuses for the kind of field (names and contacts are one line; content and notes keep their breaks).</summary>
    public static bool HasHiddenCharacters(string? value, TextKind kind = TextKind.MultiLine) => !UserText.IsAcceptable(value, kind);

    /// <summary>Required text: not blank, at most <paramref name="max"/> characters, nothing hidden.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<FeedbackStrings> text,
        string field, int max, TextKind kind = TextKind.MultiLine) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Validation.Required", text[field]])
            .Must(v => v.Length <= max).WithMessage((_, v) => text["Validation.TooLong", text[field], max, v.Length])
            .Must(v => !HasHiddenCharacters(v, kind)).WithMessage(_ => text["Validation.HiddenCharacters", text[field]]);

    /// <summary>Optional text: may be empty; if given, at most <paramref name="max"/> characters, nothing hidden.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<FeedbackStrings> text,
        string field, int max, TextKind kind = TextKind.MultiLine) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => v is null || v.Length <= max).WithMessage((_, v) => text["Validation.TooLong", text[field], max, v?.Length ?? 0])
            .Must(v => !HasHiddenCharacters(v, kind)).WithMessage(_ => text["Validation.HiddenCharacters", text[field]]);
}
