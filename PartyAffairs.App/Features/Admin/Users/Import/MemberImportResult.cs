namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>What an import made: how many accounts, and the one-shot token that fetches their initial passwords (once).</summary>
public sealed record MemberImportResult(int Created, string PasswordListToken);
