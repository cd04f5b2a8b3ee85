namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Text written into a spreadsheet cell that a spreadsheet program would read as a formula (=, +, -, @) is
/// prefixed with a single quote, so a title typed by someone cannot run as a formula on the reader's machine.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
}
