using DiffPlex;

namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>
/// Splits text the way a reader sees a change: each Chinese character on its own (Chinese has no spaces to split words at),
/// a Latin word or a number whole, and every space, line break or punctuation mark on its own.
/// </summary>
internal sealed class TextChunker : IChunker
{
    public static TextChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string str)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < str.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(str[i]) && !Cjk.IsWide(str[i]) && !char.IsSurrogate(str[i]))
            {
                while (i < str.Length && char.IsLetterOrDigit(str[i]) && !Cjk.IsWide(str[i]) && !char.IsSurrogate(str[i])) i++;
            }
            else i += char.IsHighSurrogate(str[i]) && i + 1 < str.Length ? 2 : 1;
            pieces.Add(str[start..i]);
        }
        return pieces;
    }
}
