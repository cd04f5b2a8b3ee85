namespace PartyAffairs.App.Domain;

/// <summary>Someone else changed the record since the user loaded it.</summary>
public sealed class ConcurrencyConflictException() : Exception("The record was changed by someone else.");
