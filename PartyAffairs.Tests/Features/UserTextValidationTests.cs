using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Organizations;
using PartyAffairs.App.Features.Admin.Users;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Resources;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features;

/// <summary>
/// Every validator of text people type applies the one <see cref="UserText"/> policy (issue 16): bidi controls are
/// refused in every field, zero-width, tag and other format characters and line breaks in one-line fields (names,
/// contacts, titles), while bodies keep their paragraphs and emoji joiners. The validators are the ones the forms and
/// services use (resolved from the app's registrations; the import row validator is made per import).
/// </summary>
public sealed class UserTextValidationTests : IAsyncLifetime
{
    private ServiceHarness harness = null!;

    public async Task InitializeAsync() => harness = await ServiceHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private ValidationResult Validate<T>(T request) => harness.Services.GetRequiredService<IValidator<T>>().Validate(request);

    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CatalogueCells Row(string title = "事项", string description = "", string responsible = "") =>
        new(2, "机关党委", "组织建设", title, description, "公开栏", "全体党员", "每年", "否", responsible, "");

    // Field → (validate a request with that text in the field, the property the failure names, the kind of field).
    private Dictionary<string, (Func<string, ValidationResult> Validate, string Property, TextKind Kind)> Fields() => new()
    {
        ["feedback name"] = (v => Validate(new FeedbackSubmission(1, "意见", false, v, null)), "Name", TextKind.SingleLine),
        ["feedback contact"] = (v => Validate(new FeedbackSubmission(1, "意见", false, null, v)), "Contact", TextKind.SingleLine),
        ["feedback content"] = (v => Validate(new FeedbackSubmission(1, v, false, null, null)), "Content", TextKind.MultiLine),
        ["user display name"] = (v => Validate(new UserAccessRequest { DisplayName = v, Roles = new HashSet<string> { Roles.Leader } }), "DisplayName", TextKind.SingleLine),
        ["organization name"] = (v => Validate(new OrganizationRequest { Name = v, Code = "JGDW", Kind = OrganizationKind.OrganPartyCommittee }), "Name", TextKind.SingleLine),
        ["draft title"] = (v => Validate(new DraftRequest(v, "正文", Channel.Board, Audience.Public, Start, Start.AddDays(7), false)), "Title", TextKind.SingleLine),
        ["draft body"] = (v => Validate(new DraftRequest("标题", v, Channel.Board, Audience.Public, Start, Start.AddDays(7), false)), "Body", TextKind.MultiLine),
        ["inspectors"] = (v => Validate(new RecordInspectionRequest { OrganizationId = 1, Date = Start.AddDays(-30), Inspectors = v }), "Inspectors", TextKind.SingleLine),
        ["inspection notes"] = (v => Validate(new RecordInspectionRequest { OrganizationId = 1, Date = Start.AddDays(-30), Inspectors = "张三", Notes = v }), "Notes", TextKind.MultiLine),
        ["catalogue item title"] = (v => Validate(new CatalogueItemRequest { OrganizationId = 1, Title = v }), "Title", TextKind.SingleLine),
        ["catalogue item description"] = (v => Validate(new CatalogueItemRequest { OrganizationId = 1, Title = "事项", Description = v }), "Description", TextKind.MultiLine),
        ["catalogue item responsible"] = (v => Validate(new CatalogueItemRequest { OrganizationId = 1, Title = "事项", ResponsiblePerson = v }), "ResponsiblePerson", TextKind.SingleLine),
        ["imported title"] = (v => ImportRow().Validate(Row(title: v)), CatalogueFormat.Title, TextKind.SingleLine),
        ["imported description"] = (v => ImportRow().Validate(Row(description: v)), CatalogueFormat.Description, TextKind.MultiLine),
        ["imported responsible"] = (v => ImportRow().Validate(Row(responsible: v)), CatalogueFormat.Responsible, TextKind.SingleLine),
    };

    private CatalogueRowValidator ImportRow() => new(harness.Services.GetRequiredService<IStringLocalizer<CatalogueImportStrings>>());

    public static TheoryData<string> FieldNames =>
    [
        "feedback name", "feedback contact", "feedback content", "user display name", "organization name", "draft title", "draft body",
        "inspectors", "inspection notes", "catalogue item title", "catalogue item description", "catalogue item responsible",
        "imported title", "imported description", "imported responsible",
    ];

    // Refused in every field: the override of the example, isolates, marks, a C0 control, a line separator.
    private static readonly string[] RefusedEverywhere = ["\u202E", "\u202A", "\u2066", "\u2067", "\u2069", "\u200E", "\u200F", "\u061C", "\u0001", "\u2028"];

    // Refused in one-line fields, kept in bodies: the feedback-name list (U+200B, U+FEFF, U+2060, tag characters, line break).
    private static readonly string[] RefusedInOneLine = ["\u200B", "\uFEFF", "\u2060", "\u200D", "\U000E0041\U000E007F", "\n", "\r\n"];

    private static bool Names(ValidationResult result, string property) => result.Errors.Any(e => e.PropertyName == property);

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Hidden_and_direction_changing_characters_are_refused_as_the_policy_says(string field)
    {
        var (validate, property, kind) = Fields()[field];

        Names(validate("张三 Zhang 😀"), property).ShouldBeFalse("ordinary text");
        foreach (var hidden in RefusedEverywhere)
            Names(validate("张" + hidden + "三"), property).ShouldBeTrue($"U+{char.ConvertToUtf32(hidden, 0):X4}");
        foreach (var hidden in RefusedInOneLine)
            Names(validate("张" + hidden + "三"), property).ShouldBe(kind == TextKind.SingleLine, $"U+{char.ConvertToUtf32(hidden, 0):X4}");
    }

    [Fact]
    public void The_feedback_form_says_which_field_holds_the_hidden_characters()
    {
        var result = Validate(new FeedbackSubmission(1, "意见", false, "张\u200B三", null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("不可见");
    }
}
