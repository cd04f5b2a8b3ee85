namespace PartyAffairs.App.Features.Archive;

/// <summary>
/// One page of the year-end list: <see cref="Total"/> counts every item on it, <see cref="Archivable"/> those whose feedback is
/// all closed, which the bulk run archives.
/// </summary>
public sealed record ReadyListView(IReadOnlyList<ReadyRow> Rows, int Total, int Archivable);
