using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Components;

/// <summary>
/// The name a person reads for any domain enum value (categories, channels, audiences, cadences, states…),
/// looked up as <c>Enum.{Type}.{Value}</c> in the current language. Flag values (channels) are listed joined by the culture's separator.
/// Also names the record kinds and states the audit trail stores as text.
/// </summary>
public sealed class EnumLabels(IStringLocalizer<StepStrings> text)
{
    public string Of(Enum value)
    {
        var type = value.GetType();
        if (type.GetCustomAttribute<FlagsAttribute>() is null) return Lookup($"Enum.{type.Name}.{value}", value.ToString());
        var parts = Enum.GetValues(type).Cast<Enum>()
            .Where(flag => Convert.ToInt64(flag) != 0 && value.HasFlag(flag))
            .Select(flag => Lookup($"Enum.{type.Name}.{flag}", flag.ToString()))
            .ToList();
        return parts.Count == 0 ? Lookup($"Enum.{type.Name}.{value}", value.ToString()) : CultureText.Join(parts);
    }

    /// <summary>
    /// An occurrence's label in the reader's language: a period the domain wrote (<see cref="PeriodLabel"/>) is named anew
    /// («2026年11月» → "November 2026", «2026年第四季度» → "Q4 2026"); a phase's or an event's own text stays as written.
    /// Every page, card and export that shows a label goes through here.
    /// </summary>
    public string Period(string? label)
    {
        if (PeriodLabel.Parse(label) is not { } period) return label ?? "";
        return period switch
        {
            { Standing: true } => text["Period.StandingYear", period.Year],
            { Cadence: Cadence.Monthly } => text["Period.Month", period.Year, period.Index,
                CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(period.Index)],
            { Cadence: Cadence.Quarterly } => text["Period.Quarter", period.Year, period.Index, "一二三四"[period.Index - 1]],
            { Cadence: Cadence.HalfYearly } => text[period.Index == 1 ? "Period.FirstHalf" : "Period.SecondHalf", period.Year],
            _ => text["Period.Year", period.Year],
        };
    }

    /// <summary>Who did it, as the reader says it: the system's own actor (<see cref="Domain.Actor.System"/>, stored as 系统) and an anonymous sender (匿名) are named in their language.</summary>
    public string Actor(string actorName) =>
        actorName == Domain.Actor.System.DisplayName ? text["Actor.System"]
        : actorName == Domain.FeedbackAnonymity.ActorName ? text["Actor.Anonymous"]
        : actorName;

    /// <summary>The values to offer in a picker: every defined value, without a flags enum's empty "None".</summary>
    public static IReadOnlyList<TEnum> Choices<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>()
            .Where(v => typeof(TEnum).GetCustomAttribute<FlagsAttribute>() is null || Convert.ToInt64(v) != 0)
            .ToList();

    /// <summary>A transition verb from the audit trail, e.g. Submit → 提交.</summary>
    public string Action(WorkflowAction action) => Of(action);

    /// <summary>A verb as an archived snapshot holds it (text frozen at archiving); a name no verb has is shown as stored.</summary>
    public string Action(string action) =>
        Enum.TryParse<WorkflowAction>(action, out var known) && Enum.GetName(known) == action ? Of(known) : action;

    /// <summary>The kind of record an audit entry is about, e.g. Disclosure → 公开事项.</summary>
    public string EntityType(string entityType) => Lookup($"Audit.Entity.{entityType}", entityType);

    /// <summary>A state the audit trail stored as text, named through the state enum of its record kind.</summary>
    public string AuditState(string entityType, string? state)
    {
        if (string.IsNullOrEmpty(state)) return "";
        var stateEnum = entityType switch
        {
            "Disclosure" => nameof(Domain.DisclosureState),
            "Catalogue" => nameof(Domain.CatalogueState),
            "CatalogueAmendment" => nameof(Domain.AmendmentState),
            "Feedback" => nameof(Domain.FeedbackState),
            "Rectification" => nameof(Domain.RectificationState),
            "BoardPosting" => nameof(Domain.BoardPostingState),
            "DisclosureApplication" => nameof(Domain.ApplicationState),
            _ => null,
        };
        return stateEnum is null ? state : Lookup($"Enum.{stateEnum}.{state}", state);
    }

    /// <summary>An audit note as a person reads it: a note that is an enum value (the channel feedback came by) gets its label.</summary>
    public string AuditReason(string entityType, WorkflowAction action, string? reason) => (entityType, action) switch
    {
        (nameof(Domain.Feedback), WorkflowAction.Receive) when Enum.TryParse<Domain.FeedbackChannel>(reason, out var channel) => Of(channel),
        (nameof(Domain.DisclosureApplication), WorkflowAction.Receive) when Enum.TryParse<Domain.ApplicationChannel>(reason, out var channel) => Of(channel),
        (nameof(Domain.DisclosureApplication), WorkflowAction.Answer) when Enum.TryParse<Domain.ApplicationOutcome>(reason, out var outcome) => Of(outcome),
        _ => reason ?? "",
    };

    private string Lookup(string key, string fallback)
    {
        var found = text[key];
        return found.ResourceNotFound ? fallback : found.Value;
    }
}
