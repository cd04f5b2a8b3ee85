using System.Text;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// The one policy for hidden characters in user text (issue 16), as a table: each character class against each
/// kind of field. Bidi controls are refused everywhere people type and removed from file names; zero-width and other
/// format characters are refused in one-line fields, kept in bodies (emoji joiners), removed from file names; line
/// breaks are kept only in bodies.
/// </summary>
public sealed class UserTextTests
{
    // One sample of every character the issue names, with the class it belongs to.
    public static TheoryData<string, HiddenClass> Samples => new()
    {
        { "\u202A", HiddenClass.BidiControl }, { "\u202B", HiddenClass.BidiControl }, { "\u202C", HiddenClass.BidiControl },
        { "\u202D", HiddenClass.BidiControl }, { "\u202E", HiddenClass.BidiControl },
        { "\u2066", HiddenClass.BidiControl }, { "\u2067", HiddenClass.BidiControl }, { "\u2068", HiddenClass.BidiControl }, { "\u2069", HiddenClass.BidiControl },
        { "\u200E", HiddenClass.BidiControl }, { "\u200F", HiddenClass.BidiControl }, { "\u061C", HiddenClass.BidiControl },
        { "\n", HiddenClass.LineBreak }, { "\r", HiddenClass.LineBreak }, { "\t", HiddenClass.LineBreak },
        { "\u0000", HiddenClass.Control }, { "\u0007", HiddenClass.Control }, { "\u001B", HiddenClass.Control }, { "\u0085", HiddenClass.Control },
        { "\u2028", HiddenClass.Control }, { "\u2029", HiddenClass.Control },
        { "\u200B", HiddenClass.Format }, { "\u200C", HiddenClass.Format }, { "\u200D", HiddenClass.Format }, { "\u2060", HiddenClass.Format },
        { "\uFEFF", HiddenClass.Format }, { "\u00AD", HiddenClass.Format },
        { "\U000E0000", HiddenClass.Format }, { "\U000E0001", HiddenClass.Format }, { "\U000E0041", HiddenClass.Format }, { "\U000E007F", HiddenClass.Format },
        { "a", HiddenClass.None }, { " ", HiddenClass.None }, { "党", HiddenClass.None }, { "😀", HiddenClass.None }, { "𠀀", HiddenClass.None },
        { "<", HiddenClass.None }, { "ع", HiddenClass.None },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_character_falls_in_its_class(string character, HiddenClass expected) =>
        UserText.Classify(Rune.GetRuneAt(character, 0)).ShouldBe(expected);

    [Theory]
    [InlineData(HiddenClass.None, TextKind.SingleLine, TextTreatment.Keep)]
    [InlineData(HiddenClass.None, TextKind.MultiLine, TextTreatment.Keep)]
    [InlineData(HiddenClass.None, TextKind.FileName, TextTreatment.Keep)]
    [InlineData(HiddenClass.BidiControl, TextKind.SingleLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.BidiControl, TextKind.MultiLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.BidiControl, TextKind.FileName, TextTreatment.Remove)]
    [InlineData(HiddenClass.LineBreak, TextKind.SingleLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.LineBreak, TextKind.MultiLine, TextTreatment.Keep)]
    [InlineData(HiddenClass.LineBreak, TextKind.FileName, TextTreatment.Remove)]
    [InlineData(HiddenClass.Control, TextKind.SingleLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.Control, TextKind.MultiLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.Control, TextKind.FileName, TextTreatment.Remove)]
    [InlineData(HiddenClass.Format, TextKind.SingleLine, TextTreatment.Refuse)]
    [InlineData(HiddenClass.Format, TextKind.MultiLine, TextTreatment.Keep)]
    [InlineData(HiddenClass.Format, TextKind.FileName, TextTreatment.Remove)]
    public void Each_class_is_treated_by_the_table(HiddenClass hidden, TextKind kind, TextTreatment expected) =>
        UserText.Treatment(hidden, kind).ShouldBe(expected);

    // Every sample, inside ordinary text, in every kind of field: refused exactly where the table refuses, and
    // removed (only that character) where it removes.
    [Theory]
    [MemberData(nameof(Samples))]
    public void A_string_holding_the_character_is_accepted_and_cleaned_as_its_class_says(string character, HiddenClass hidden)
    {
        foreach (var kind in Enum.GetValues<TextKind>())
        {
            var text = "名" + character + "称";
            var treatment = UserText.Treatment(hidden, kind);
            UserText.IsAcceptable(text, kind).ShouldBe(treatment != TextTreatment.Refuse, $"{kind}");
            UserText.Clean(text, kind).ShouldBe(treatment == TextTreatment.Keep ? text : "名称", $"{kind}");
        }
    }

    [Fact]
    public void The_override_that_disguised_a_pdf_is_removed_from_the_file_name_and_refused_elsewhere()
    {
        UserText.Clean("photo\u202Egnp.pdf", TextKind.FileName).ShouldBe("photognp.pdf");
        UserText.IsAcceptable("photo\u202Egnp.pdf", TextKind.SingleLine).ShouldBeFalse();
        UserText.IsAcceptable("photo\u202Egnp.pdf", TextKind.MultiLine).ShouldBeFalse();
    }

    [Fact]
    public void Ordinary_text_of_any_script_with_emoji_sequences_and_paragraphs_is_kept_in_a_body()
    {
        const string body = "第一段：党务公开 😀👨‍👩‍👧\r\n\tSecond paragraph, العربية, 𠀀𪚥";
        UserText.IsAcceptable(body, TextKind.MultiLine).ShouldBeTrue();
        UserText.Clean(body, TextKind.MultiLine).ShouldBe(body);
        UserText.IsAcceptable(null, TextKind.SingleLine).ShouldBeTrue();
    }
}
