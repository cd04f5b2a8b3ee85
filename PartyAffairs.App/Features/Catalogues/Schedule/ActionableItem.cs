using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Catalogues.Schedule;

/// <summary>
/// A phased or immediate item the person may act on: open one of its phases, or record its event.
/// Version is the item's as read, so a second person acting at the same moment gets a conflict.
/// </summary>
public sealed record ActionableItem(int ItemId, int OrganizationId, string OrganizationName, string Title, Cadence Cadence, int Version,
    IReadOnlyList<PhaseChoice> UnopenedPhases);
