using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PartyAffairs.App.Data;

/// <summary>Writes DateTime as UTC and marks what it reads as UTC; refuses local times so none slip in.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
