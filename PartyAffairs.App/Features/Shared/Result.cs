namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// What a service call came to. Expected failures come back as values the page shows, never as
/// exceptions: an exception that escapes a handler ends the person's circuit.
/// </summary>
public record Result(ResultStatus Status, string? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool Succeeded => Status == ResultStatus.Ok;

    public static Result Ok() => new(ResultStatus.Ok, null, NoErrors);

    public static Result Fail(ResultStatus status, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, message, errors ?? NoErrors);

    /// <summary>A failed call as a file endpoint answers it: the status code that fits and the message as plain text.</summary>
    public IResult ToHttpFailure() => Results.Text(Message, "text/plain; charset=utf-8", statusCode: Status switch
    {
        ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
        ResultStatus.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    });
}
