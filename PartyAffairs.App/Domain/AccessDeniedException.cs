namespace PartyAffairs.App.Domain;

/// <summary>The current user may not do this. <see cref="Code"/> is a resource key for the message.</summary>
public sealed class AccessDeniedException(string code = "Access.Denied") : Exception(code)
{
    public string Code { get; } = code;
}
