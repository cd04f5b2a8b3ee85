using System.Text;
using System.Globalization;

namespace PartyAffairs.App.Domain;

/// <summary>Where a piece of user-entered text goes, which decides what it may contain.</summary>
public enum TextKind
{
    /// <summary>Names, contacts, titles: one line, read at a glance.</summary>
    SingleLine,
    /// <summary>Bodies, notes, feedback content: keep their line breaks.</summary>
    MultiLine,
    /// <summary>An uploaded file's name: nobody to ask, so what is hidden is removed rather than refused.</summary>
    FileName,
}

/// <summary>The kinds of characters that hide themselves or change how the text around them reads.</summary>
public enum HiddenClass
{
    /// <summary>An ordinary character, spaces included.</summary>
    None,
    /// <summary>Bidi embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C): they reorder what is shown, so <c>photo\u202Egnp.pdf</c> reads as a PNG.</summary>
    BidiControl,
    /// <summary>CR, LF and tab: a body's layout, but in a name a second line hides part of it.</summary>
    LineBreak,
    /// <summary>Other C0/C1 controls and the Unicode line and paragraph separators (U+2028/2029).</summary>
    Control,
    /// <summary>Zero-width and other format characters (category Cf, e.g. U+200B, U+200D, U+2060, U+FEFF, U+00AD, tag characters U+E0000–E007F): invisible, they make two equal-looking names differ.</summary>
    Format,
}

/// <summary>What a field does with a character of a <see cref="HiddenClass"/>.</summary>
public enum TextTreatment
{
    Keep,
    /// <summary>The form says so and nothing is stored: the person typing can see the message and fix it.</summary>
    Refuse,
    /// <summary>Silently left out (file names, where refusing the upload over an invisible character helps nobody).</summary>
    Remove,
}

/// <summary>
/// The one policy for invisible and direction-changing characters in text people type (issue 16): every validator of
/// user text and the attachment upload ask here. Display wraps user text in a bidi isolate as well (app.css, board.css),
/// so even text stored before this rule cannot reorder the words around it.
/// </summary>
public static class UserText
{
    /// <summary>The table: rows are character classes, columns field kinds.</summary>
    public static TextTreatment Treatment(HiddenClass hidden, TextKind kind) => (hidden, kind) switch
    {
        (HiddenClass.None, _) => TextTreatment.Keep,
        (_, TextKind.FileName) => TextTreatment.Remove,
        (HiddenClass.BidiControl, _) => TextTreatment.Refuse,
        (HiddenClass.LineBreak, TextKind.MultiLine) => TextTreatment.Keep,
        (HiddenClass.LineBreak, _) => TextTreatment.Refuse,
        (HiddenClass.Control, _) => TextTreatment.Refuse,
        // Joiners belong in emoji sequences and in scripts that need them (ZWNJ in Persian), so a body keeps them;
        // a name or title is compared and searched, where an invisible difference misleads.
        (HiddenClass.Format, TextKind.MultiLine) => TextTreatment.Keep,
        (HiddenClass.Format, _) => TextTreatment.Refuse,
        _ => TextTreatment.Refuse,
    };

    public static HiddenClass Classify(Rune rune)
    {
        var v = rune.Value;
        if (v is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C) return HiddenClass.BidiControl;
        if (v is '\n' or '\r') return HiddenClass.LineBreak;
        if (v is 0x2028 or 0x2029) return HiddenClass.Control;
        // Tag characters are a surrogate pair in UTF-16 (hence Rune); U+E0000 itself is unassigned, the rest Cf.
        if (v is >= 0xE0000 and <= 0xE007F) return HiddenClass.Format;
        // A tab in a body is kept like the old feedback rule kept it; elsewhere it is a control like the rest.
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => v == '\t' ? HiddenClass.LineBreak : HiddenClass.Control,
            UnicodeCategory.Format => HiddenClass.Format,
            _ => HiddenClass.None,
        };
    }

    /// <summary>True when nothing in <paramref name="value"/> is refused for a field of <paramref name="kind"/> (null and empty are the required-rules' business).</summary>
    public static bool IsAcceptable(string? value, TextKind kind) =>
        value is null || !value.EnumerateRunes().Any(r => Treatment(Classify(r), kind) == TextTreatment.Refuse);

    /// <summary>The text with every character the kind removes (or refuses) left out.</summary>
    public static string Clean(string value, TextKind kind)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
            if (Treatment(Classify(rune), kind) == TextTreatment.Keep) builder.Append(rune.ToString());
        return builder.ToString();
    }
}
