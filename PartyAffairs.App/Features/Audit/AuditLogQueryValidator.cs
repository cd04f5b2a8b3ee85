using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Audit;

public sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator(IStringLocalizer<ArchiveStrings> text)
    {
        RuleFor(q => q.Person).MaximumLength(50).WithMessage(text["Audit.PersonTooLong"]);
        RuleFor(q => q.EntityType).MaximumLength(50);
        RuleFor(q => q.Action).MaximumLength(50);
        RuleFor(q => q.EntityId).GreaterThan(0).When(q => q.EntityId is not null).WithMessage(text["Audit.EntityIdInvalid"]);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage(text["Audit.RangeInvalid"]);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, AuditLogService.MaxPageSize);
    }
}
