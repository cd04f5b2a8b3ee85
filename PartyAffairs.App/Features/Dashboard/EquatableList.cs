using System.Collections;

namespace PartyAffairs.App.Features.Dashboard;

/// <summary>
/// A read-only list equal to any other with the same items in the same order, so the records of the dashboard's view
/// compare by content: a card whose slice of a fresh view equals the old one is not rendered again.
/// </summary>
public sealed class EquatableList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    public static readonly EquatableList<T> Empty = new([]);

    public T this[int index] => items[index];

    public int Count => items.Count;

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(EquatableList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Count != Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
            if (!comparer.Equals(this[i], other[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }
}
