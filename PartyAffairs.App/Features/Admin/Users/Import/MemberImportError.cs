namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>One problem of a member import: the line and column when it has them, the message, and both as one sentence (第 5 行「手机」：…).</summary>
public sealed record MemberImportError(int? Row, string? Column, string Message, string Text);
