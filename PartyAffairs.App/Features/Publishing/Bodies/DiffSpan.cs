namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>A run of text that stayed (<see cref="BodyChange.Unchanged"/>), was <see cref="BodyChange.Added"/> or <see cref="BodyChange.Removed"/>.</summary>
public sealed record DiffSpan(BodyChange Kind, string Text);
