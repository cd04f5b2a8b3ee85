namespace PartyAffairs.App.Features.Shared;

public enum ResultStatus
{
    Ok = 0,
    /// <summary>The input or a domain rule said no; nothing was saved.</summary>
    Invalid = 1,
    Forbidden = 2,
    NotFound = 3,
    /// <summary>Someone else changed the record since the user loaded it.</summary>
    Conflict = 4,
}
