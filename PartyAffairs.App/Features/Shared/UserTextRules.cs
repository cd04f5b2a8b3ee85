using FluentValidation;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Shared;

/// <summary>The validator end of <see cref="UserText"/>: one rule every form and service validator of typed text adds, each with its own message.</summary>
public static class UserTextRules
{
    /// <summary>Refuses what <see cref="UserText"/> refuses for <paramref name="kind"/>; generic so both <c>string</c> and <c>string?</c> properties take it.</summary>
    public static IRuleBuilderOptions<T, TText> PlainText<T, TText>(this IRuleBuilder<T, TText> rule, TextKind kind) =>
        rule.Must(v => UserText.IsAcceptable(v as string, kind));
}
