namespace PartyAffairs.App.Features.Publishing;

/// <summary>Finds the configured sensitive words in a draft's text.</summary>
public static class SensitiveWords
{
    public static IReadOnlyCollection<string> FindIn(IEnumerable<string> words, params string?[] texts) =>
        words.Where(w => w.Length > 0 && texts.Any(t => t?.Contains(w, StringComparison.OrdinalIgnoreCase) == true))
            .Distinct()
            .ToList();
}
