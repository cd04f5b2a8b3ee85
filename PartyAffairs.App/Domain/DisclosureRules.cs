using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Rules about a disclosure that pages, queries, the dashboard, the assessment and the reports share, each stated once as
/// a query the database runs and compiled for objects in memory (the shape of <see cref="AccessPolicy.Sees"/>).
/// </summary>
public static class DisclosureRules
{
    /// <summary>
    /// In catalogue (目录内): it fulfils a catalogue occurrence. A correction (再次公开) carries the occurrence of the item it
    /// corrects, so a correction of an in-catalogue item is in catalogue everywhere, and one of an out-of-catalogue item is not.
    /// </summary>
    public static readonly Expression<Func<Disclosure, bool>> InCatalogue = d => d.CatalogueOccurrenceId != null;

    /// <summary>Out of catalogue (目录外): the negation of <see cref="InCatalogue"/>, for queries.</summary>
    public static readonly Expression<Func<Disclosure, bool>> OutOfCatalogue =
        Expression.Lambda<Func<Disclosure, bool>>(Expression.Not(InCatalogue.Body), InCatalogue.Parameters);

    /// <summary>An original act of disclosing outside the catalogue, not a correction: what the assessment and the annual report count as 目录外.</summary>
    public static readonly Expression<Func<Disclosure, bool>> OriginalOutOfCatalogue = Expression.Lambda<Func<Disclosure, bool>>(
        Expression.AndAlso(OutOfCatalogue.Body,
            Expression.Equal(Expression.Property(InCatalogue.Parameters[0], nameof(Disclosure.RevisesDisclosureId)), Expression.Constant(null, typeof(int?)))),
        InCatalogue.Parameters);

    private static readonly Func<Disclosure, bool> inCatalogue = InCatalogue.Compile();

    /// <summary>A draft still in its author's hands (起草中 or 已退回): the only states whose content may change.</summary>
    public static readonly Expression<Func<Disclosure, bool>> Editable = d => d.State == DisclosureState.Draft || d.State == DisclosureState.Rejected;

    private static readonly Func<Disclosure, bool> editable = Editable.Compile();

    public static bool IsEditable(Disclosure d) => editable(d);

    /// <summary>
    /// On display (公开中) at a moment: published, and the moment lies in its display period (from its start, up to but not
    /// including its end). What the board, the feedback form, the home pages and the dashboard show and count.
    /// </summary>
    private static readonly Expression<Func<DisclosureState, DateTime, DateTime, DateTime, bool>> OnDisplay =
        (state, displayFromUtc, displayUntilUtc, utcNow) =>
            state == DisclosureState.Published && displayFromUtc <= utcNow && utcNow < displayUntilUtc;

    private static readonly Func<DisclosureState, DateTime, DateTime, DateTime, bool> onDisplay = OnDisplay.Compile();

    /// <summary>The query form of <see cref="OnDisplay"/> at <paramref name="utcNow"/> (sent as a parameter).</summary>
    public static Expression<Func<Disclosure, bool>> OnDisplayAt(DateTime utcNow) =>
        RuleExpression.Over<Disclosure, bool>(OnDisplay,
            (Expression<Func<Disclosure, DisclosureState>>)(d => d.State),
            (Expression<Func<Disclosure, DateTime>>)(d => d.DisplayFromUtc),
            (Expression<Func<Disclosure, DateTime>>)(d => d.DisplayUntilUtc),
            (Expression<Func<Disclosure, DateTime>>)(d => utcNow));

    /// <summary><see cref="OnDisplay"/> on the columns it reads: for <see cref="Disclosure.IsOnDisplay"/> and a query's final projection.</summary>
    public static bool IsOnDisplay(DisclosureState state, DateTime displayFromUtc, DateTime displayUntilUtc, DateTime utcNow) =>
        onDisplay(state, displayFromUtc, displayUntilUtc, utcNow);

    /// <summary>Due to go up (the display schedule's, and an approval's once its start has come): approved, and its start has come.</summary>
    private static readonly Expression<Func<DisclosureState, DateTime, DateTime, bool>> DueToPublish =
        (state, displayFromUtc, utcNow) => state == DisclosureState.Approved && displayFromUtc <= utcNow;

    private static readonly Func<DisclosureState, DateTime, DateTime, bool> dueToPublish = DueToPublish.Compile();

    public static Expression<Func<Disclosure, bool>> DueToPublishAt(DateTime utcNow) =>
        RuleExpression.Over<Disclosure, bool>(DueToPublish,
            (Expression<Func<Disclosure, DisclosureState>>)(d => d.State),
            (Expression<Func<Disclosure, DateTime>>)(d => d.DisplayFromUtc),
            (Expression<Func<Disclosure, DateTime>>)(d => utcNow));

    public static bool IsDueToPublish(Disclosure d, DateTime utcNow) => dueToPublish(d.State, d.DisplayFromUtc, utcNow);

    /// <summary>Due to come down (the display schedule's): published, and its end has come.</summary>
    private static readonly Expression<Func<DisclosureState, DateTime, DateTime, bool>> DueToClose =
        (state, displayUntilUtc, utcNow) => state == DisclosureState.Published && displayUntilUtc <= utcNow;

    private static readonly Func<DisclosureState, DateTime, DateTime, bool> dueToClose = DueToClose.Compile();

    public static Expression<Func<Disclosure, bool>> DueToCloseAt(DateTime utcNow) =>
        RuleExpression.Over<Disclosure, bool>(DueToClose,
            (Expression<Func<Disclosure, DisclosureState>>)(d => d.State),
            (Expression<Func<Disclosure, DateTime>>)(d => d.DisplayUntilUtc),
            (Expression<Func<Disclosure, DateTime>>)(d => utcNow));

    public static bool IsDueToClose(Disclosure d, DateTime utcNow) => dueToClose(d.State, d.DisplayUntilUtc, utcNow);

    public static bool IsInCatalogue(Disclosure d) => inCatalogue(d);

    /// <summary>
    /// The same rule on the one column it reads, for a query's final projection (evaluated as rows arrive, so a list need
    /// not load whole entities); a test checks it agrees with <see cref="InCatalogue"/>.
    /// </summary>
    public static bool IsInCatalogueOccurrence(int? catalogueOccurrenceId) => catalogueOccurrenceId is not null;

    /// <summary>
    /// Past (往期) at a moment: closed (at its end, early, or replaced by a correction), or published with its display period
    /// over and not yet taken down. What the board's history lists; a withdrawn item is never shown again.
    /// </summary>
    public static Expression<Func<Disclosure, bool>> PastAt(DateTime utcNow) =>
        d => d.State == DisclosureState.Closed || (d.State == DisclosureState.Published && d.DisplayUntilUtc <= utcNow);
}
