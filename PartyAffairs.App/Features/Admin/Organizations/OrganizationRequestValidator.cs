using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Organizations;

public sealed partial class OrganizationRequestValidator : AbstractValidator<OrganizationRequest>
{
    public OrganizationRequestValidator(IStringLocalizer<AdminStrings> text)
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => text["Org.NameRequired"])
            .MaximumLength(100).WithMessage(_ => text["Org.NameTooLong", 100])
            .PlainText(TextKind.SingleLine).WithMessage(_ => text["Validation.HiddenCharacters"]);
        RuleFor(r => r.Code).Must(code => CodePattern().IsMatch(code?.Trim().ToUpperInvariant() ?? "")).WithMessage(_ => text["Org.CodeFormat"]);
        RuleFor(r => r.Kind).IsInEnum();
        // Stored upper case (the entity upper-cases it), so jgdw is accepted as JGDW.
        // The organ party committee is the root of the tree (§4); everything else hangs under it.
        RuleFor(r => r.ParentId).Null().When(r => r.Kind == OrganizationKind.OrganPartyCommittee).WithMessage(_ => text["Org.RootHasNoParent"]);
        RuleFor(r => r.ParentId).NotNull().When(r => r.Kind != OrganizationKind.OrganPartyCommittee).WithMessage(_ => text["Org.ParentRequired"]);
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex CodePattern();
}
