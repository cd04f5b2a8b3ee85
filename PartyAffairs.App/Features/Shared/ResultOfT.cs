namespace PartyAffairs.App.Features.Shared;

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed record Result<T>(ResultStatus Status, string? Message, IReadOnlyDictionary<string, string[]> Errors, T? Value)
    : Result(Status, Message, Errors)
{
    public static Result<T> Ok(T value) => new(ResultStatus.Ok, null, NoErrors, value);

    public static Result<T> From(Result failure) => new(failure.Status, failure.Message, failure.Errors, default);
}
