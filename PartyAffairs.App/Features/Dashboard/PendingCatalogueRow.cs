namespace PartyAffairs.App.Features.Dashboard;

/// <summary>A catalogue, or an amendment to one, waiting for approval. <see cref="Title"/> is the amendment's reason.</summary>
public sealed record PendingCatalogueRow(bool IsAmendment, int Id, int Year, string Title);
