namespace PartyAffairs.App.Domain;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Code"/> is a resource key, so the service can
/// tell the person in their language what was wrong; <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class DomainRuleException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Arguments { get; } = arguments;
}
