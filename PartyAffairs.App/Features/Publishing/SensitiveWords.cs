namespace PartyAffairs.App.Features.Publishing;

/// <summary>Finds the configured sensitive words in a draft's text.</summary>
public static class SensitiveWords
{
    public static IReadOnlyCollection<string> FindIn(IEnumerable<string> words, params string?[] texts) =>
        words.Where(w => w.Length > 0 && texts.Any(t => t?.Contains(w, StringComparison.OrdinalIgnoreCase) == true))
            .Distinct()
            .ToList();

    /// <summary>The words in a title and an HTML body as a reader sees them: a word split by formatting still counts, markup never does.</summary>
    public static IReadOnlyCollection<string> InDraft(IEnumerable<string> words, string? title, string? bodyHtml) =>
        FindIn(words, title, Bodies.BodyHtml.ToPlainText(bodyHtml));
}
