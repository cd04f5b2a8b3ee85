using DiffPlex.DiffBuilder.Model;

namespace PartyAffairs.App.Features.Publishing.Lifecycle;

/// <summary>One line of an inline diff: unchanged, inserted or deleted.</summary>
public sealed record DiffLine(ChangeType Kind, string Text);
