namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Keeps cell text from becoming a formula when a spreadsheet program opens an exported file
/// (CSV/formula injection): text opening with = + - @ or a tab/return gets a leading apostrophe.
/// Every export writes its text cells through <see cref="Safe"/>; an import reads them back through
/// <see cref="Restore"/>, so a round trip keeps the text as it was.
/// </summary>
public static class SpreadsheetText
{
    private const char Guard = '\'';

    public static string Safe(string? text)
    {
        var value = text ?? "";
        return value.Length > 0 && IsTrigger(value[0]) ? Guard + value : value;
    }

    public static string Restore(string? text)
    {
        var value = text ?? "";
        return value.Length > 1 && value[0] == Guard && IsTrigger(value[1]) ? value[1..] : value;
    }

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
