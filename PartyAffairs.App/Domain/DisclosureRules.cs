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

    public static bool IsInCatalogue(Disclosure d) => inCatalogue(d);

    /// <summary>
    /// The same rule on the one column it reads, for a query's final projection (evaluated as rows arrive, so a list need
    /// not load whole entities); a test checks it agrees with <see cref="InCatalogue"/>.
    /// </summary>
    public static bool IsInCatalogueOccurrence(int? catalogueOccurrenceId) => catalogueOccurrenceId is not null;
}
