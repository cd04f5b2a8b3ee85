using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// May this disclosure be archived now, and why not (归档保管, §5(二)4): it is closed, it has no archive record yet, and all
/// of its feedback is closed. Stated once on the values it reads, compiled for <see cref="ArchiveRecord.Archive"/> and lifted
/// into the query of what is ready to archive; a test keeps the two forms in agreement.
/// </summary>
public static class ArchiveRules
{
    /// <summary>The refusals, as the message keys the writer and the pages show (the first that applies is given).</summary>
    public const string NotClosed = "Archive.DisclosureNotClosed";
    public const string AlreadyArchived = "Archive.AlreadyArchived";
    public const string FeedbackOpen = "Archive.FeedbackOpen";

    /// <summary>The guard's conditions on (its state, whether a record of it exists, how many of its feedback items are open), in the order they are checked.</summary>
    private static readonly (string Refusal, Expression<Func<DisclosureState, bool, int, bool>> Holds)[] Conditions =
    [
        (NotClosed, (state, archived, openFeedback) => state == DisclosureState.Closed),
        (AlreadyArchived, (state, archived, openFeedback) => !archived),
        (FeedbackOpen, (state, archived, openFeedback) => openFeedback == 0),
    ];

    private static readonly Func<DisclosureState, bool, int, bool>[] compiled = Conditions.Select(c => c.Holds.Compile()).ToArray();

    /// <summary>Why this loaded disclosure may not be archived now (a message key), or null when it may; <paramref name="itsFeedback"/> is all of its feedback.</summary>
    public static string? RefusalOf(Disclosure disclosure, bool alreadyArchived, IEnumerable<Feedback> itsFeedback)
    {
        var open = OpenCount(itsFeedback);
        for (var i = 0; i < Conditions.Length; i++)
        {
            if (!compiled[i](disclosure.State, alreadyArchived, open)) return Conditions[i].Refusal;
        }
        return null;
    }

    /// <summary>Refuses, saying why, unless <see cref="RefusalOf"/> lets it be archived.</summary>
    public static void Ensure(Disclosure disclosure, bool alreadyArchived, IReadOnlyCollection<Feedback> itsFeedback)
    {
        if (RefusalOf(disclosure, alreadyArchived, itsFeedback) is not { } refusal) return;
        throw refusal == FeedbackOpen ? new DomainRuleException(refusal, OpenCount(itsFeedback)) : new DomainRuleException(refusal);
    }

    /// <summary>
    /// The query form: the disclosures that pass every condition except those in <paramref name="ignoring"/> (the year-end list
    /// shows the items that wait only for their feedback beside those ready now).
    /// </summary>
    public static Expression<Func<Disclosure, bool>> PassesIn(IQueryable<ArchiveRecord> records, IQueryable<Feedback> feedback, params string[] ignoring)
    {
        var kept = Lifted(records, feedback).Where(c => !ignoring.Contains(c.Refusal)).Select(c => c.Holds).ToList();
        return kept.Count == 0 ? d => true : kept.Aggregate(RuleExpression.And);
    }

    /// <summary>The query form of <see cref="RefusalOf"/>: the first refusal that applies, or null.</summary>
    public static Expression<Func<Disclosure, string?>> RefusalIn(IQueryable<ArchiveRecord> records, IQueryable<Feedback> feedback)
    {
        var d = Expression.Parameter(typeof(Disclosure), "d");
        Expression refusal = Expression.Constant(null, typeof(string));
        foreach (var (name, holds) in Lifted(records, feedback).Reverse())
        {
            refusal = Expression.Condition(RuleExpression.Body(holds, d), refusal, Expression.Constant(name, typeof(string)));
        }
        return Expression.Lambda<Func<Disclosure, string?>>(refusal, d);
    }

    private static int OpenCount(IEnumerable<Feedback> itsFeedback) => itsFeedback.Count(FeedbackRules.IsOpen);

    /// <summary>Each condition over a disclosure, reading its record and its open feedback through subqueries.</summary>
    private static IEnumerable<(string Refusal, Expression<Func<Disclosure, bool>> Holds)> Lifted(IQueryable<ArchiveRecord> records,
        IQueryable<Feedback> feedback)
    {
        Expression<Func<Disclosure, IQueryable<Feedback>>> its = d => feedback.Where(f => f.DisclosureId == d.Id);
        var openCount = Expression.Lambda<Func<Disclosure, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Feedback)], its.Body, Expression.Quote(FeedbackRules.Open)),
            its.Parameters);
        return Conditions.Select(c => (c.Refusal, RuleExpression.Over<Disclosure, bool>(c.Holds,
            (Expression<Func<Disclosure, DisclosureState>>)(d => d.State),
            (Expression<Func<Disclosure, bool>>)(d => records.Any(r => r.DisclosureId == d.Id)),
            openCount))).ToList();
    }
}
