namespace PartyAffairs.App.Features.Shared;

/// <summary>No such record, or one the current user may not know exists: both answer the same.</summary>
public sealed class NotFoundException() : Exception("Not found.");
