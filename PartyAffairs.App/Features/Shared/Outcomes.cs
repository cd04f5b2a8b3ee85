using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Shared;

/// <summary>
/// Runs a service operation and turns the expected failures — a rule, a permission, a missing record,
/// a concurrent change, invalid input — into a <see cref="Result"/> with a message in the person's language.
/// Anything else is a bug and is left to propagate.
/// </summary>
public sealed class Outcomes(IStringLocalizer<Strings> text, ILogger<Outcomes> logger)
{
    public async Task<Result<T>> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return Result<T>.Ok(await operation());
        }
        catch (Exception ex) when (ToFailure(ex) is { } failure)
        {
            return Result<T>.From(failure);
        }
    }

    public async Task<Result> RunAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return Result.Ok();
        }
        catch (Exception ex) when (ToFailure(ex) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>Validates with FluentValidation in the service, whatever the form already checked.</summary>
    public static async Task ValidateAsync<T>(IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid) throw new ValidationException(result.Errors);
    }

    private Result? ToFailure(Exception ex)
    {
        switch (ex)
        {
            case DomainRuleException rule:
                return Result.Fail(ResultStatus.Invalid, text[rule.Code, rule.Arguments]);
            case AccessDeniedException denied:
                logger.LogInformation("Refused: {Code}", denied.Code);
                return Result.Fail(ResultStatus.Forbidden, text[denied.Code]);
            case NotFoundException:
                return Result.Fail(ResultStatus.NotFound, text["Record.NotFound"]);
            case ConcurrencyConflictException or DbUpdateConcurrencyException:
                return Result.Fail(ResultStatus.Conflict, text["Record.Conflict"]);
            case ValidationException invalid:
                var errors = invalid.Errors
                    .GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
                return Result.Fail(ResultStatus.Invalid, string.Join("；", invalid.Errors.Select(e => e.ErrorMessage).Distinct()), errors);
            default:
                return null;
        }
    }
}
