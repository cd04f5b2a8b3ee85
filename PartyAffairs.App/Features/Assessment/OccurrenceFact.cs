using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Assessment;

/// <summary>An occurrence as the assessment counts it (see <see cref="AssessmentRules.Facts"/>); settable so the database can build it.</summary>
public sealed class OccurrenceFact
{
    public int Id { get; init; }
    public int OrganizationId { get; init; }
    /// <summary>The month of its due date.</summary>
    public int Month { get; init; }
    public OccurrenceStatus Status { get; init; }
}
