namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>One problem of an import: the line and column when it has them, the message, and both as one sentence (第 5 行「时限」：…).</summary>
public sealed record CatalogueImportError(int? Row, string? Column, string Message, string Text);
