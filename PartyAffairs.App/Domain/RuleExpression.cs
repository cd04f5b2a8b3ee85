using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// Turns a rule stated once on plain values (a state, a deadline, a moment) into the query form over an entity, so the
/// compiled rule and the query the database runs are the same expression tree.
/// </summary>
internal static class RuleExpression
{
    /// <summary>
    /// The rule with each of its parameters replaced by the body of the matching selector, all over one entity parameter.
    /// A selector that ignores its entity and reads a captured variable (a moment) becomes a query parameter, not a constant.
    /// </summary>
    public static Expression<Func<T, TResult>> Over<T, TResult>(LambdaExpression rule, params LambdaExpression[] selectors)
    {
        if (rule.Parameters.Count != selectors.Length) throw new ArgumentException("One selector per parameter of the rule.", nameof(selectors));
        var entity = Expression.Parameter(typeof(T), "x");
        var map = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < selectors.Length; i++)
        {
            var selector = selectors[i];
            if (selector.Parameters.Count != 1 || selector.Parameters[0].Type != typeof(T) || selector.ReturnType != rule.Parameters[i].Type)
                throw new ArgumentException($"Selector {i} must read a {typeof(T).Name} and give a {rule.Parameters[i].Type.Name}.", nameof(selectors));
            map[rule.Parameters[i]] = new Replace(new() { [selector.Parameters[0]] = entity }).Visit(selector.Body);
        }
        return Expression.Lambda<Func<T, TResult>>(new Replace(map).Visit(rule.Body), entity);
    }

    /// <summary>Both rules must hold (over the first rule's parameter).</summary>
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(left.Body, new Replace(new() { [right.Parameters[0]] = left.Parameters[0] }).Visit(right.Body)),
            left.Parameters);

    /// <summary>The rule's body over <paramref name="parameter"/> instead of its own parameter.</summary>
    public static Expression Body(LambdaExpression rule, ParameterExpression parameter) =>
        new Replace(new() { [rule.Parameters[0]] = parameter }).Visit(rule.Body);

    private sealed class Replace(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var to) ? to : node;
    }
}
