using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Turns a member file into a preview: reads it (the catalogue import's reader), maps its headers, validates every
/// line, resolves organizations and roles, finds user names taken in the file or the database, and generates the
/// user names the file left empty (the organization's code and a number, clear of every name taken). Every problem
/// is collected, none thrown.
/// </summary>
public sealed class MemberImportAnalyzer(IStringLocalizer<AdminStrings> text, IStringLocalizer<CatalogueImportStrings> fileText, MemberImportContext context)
{
    private readonly MemberRowValidator validator = new(text);

    public MemberImportPreview Analyse(byte[] content, string fileName, int maxRows = MemberFormat.MaxRows)
    {
        CatalogueSheet sheet;
        try
        {
            sheet = CatalogueSheetReader.Read(content, fileName);
        }
        catch (CatalogueFileProblem problem)
        {
            return Refused(fileName, FileError(fileText[problem.Key, problem.Arguments]));
        }

        var columns = sheet.Headers.Select(h => MemberFormat.ColumnOf(h)).ToList();
        var unknown = sheet.Headers.Where(h => h.Trim().Length > 0 && MemberFormat.ColumnOf(h) is null && h.Trim() != MemberFormat.State)
            .Select(h => Error(1, h.Trim(), text["Members.UnknownColumn", h.Trim()])).ToList();
        var missing = MemberFormat.RequiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0) return Refused(fileName, [.. missing.Select(c => Error(1, c, text["Members.MissingColumn", c])), .. unknown]);
        if (sheet.Rows.Count == 0) return Refused(fileName, FileError(text["Members.NoRows"]));
        if (sheet.Rows.Count > maxRows) return Refused(fileName, FileError(text["Members.TooManyRows", sheet.Rows.Count, maxRows]));

        var errors = new List<MemberImportError>(unknown);
        var lines = new List<(MemberCells Cells, List<MemberImportError> Errors, MemberOrganization? Organization, IReadOnlySet<string> Roles, MemberCategory? Category)>();
        // The names the file gives, first line first: a later line with the same name is the one in error.
        var givenNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rowNumber, values) in sheet.Rows)
        {
            var cells = MemberCells.From(rowNumber, ToColumns(columns, values));
            var rowErrors = validator.Validate(cells).Errors.Select(e => Error(rowNumber, e.PropertyName, e.ErrorMessage)).ToList();

            MemberOrganization? organization = null;
            if (cells.Organization.Length > 0)
            {
                organization = context.Find(cells.Organization);
                if (organization is null)
                    rowErrors.Add(Error(rowNumber, MemberFormat.Organization, text["Members.UnknownOrganization", cells.Organization, string.Join("、", context.ActiveNames)]));
                else if (!organization.IsActive)
                    rowErrors.Add(Error(rowNumber, MemberFormat.Organization, text["Members.InactiveOrganization", organization.Name]));
            }

            var roles = MemberFormat.ParseRoles(cells.Roles, out var unknownRoles);
            foreach (var name in unknownRoles)
                rowErrors.Add(Error(rowNumber, MemberFormat.Roles, text["Members.UnknownRole", name, MemberFormat.ImportableRoleNames]));
            if (roles.Contains(Roles.Admin))
                rowErrors.Add(Error(rowNumber, MemberFormat.Roles, text["Members.AdminNotImported"]));
            if (!context.ImporterIsAdmin && roles.Any(r => r is Roles.Office or Roles.Leader))
                rowErrors.Add(Error(rowNumber, MemberFormat.Roles, text["Members.OnlyAdminGrants", MemberFormat.NamesOf(roles.Where(r => r is Roles.Office or Roles.Leader))]));

            if (cells.UserName.Length > 0 && MemberFormat.IsUserName(cells.UserName))
            {
                if (context.ExistingUserNames.Contains(cells.UserName))
                    rowErrors.Add(Error(rowNumber, MemberFormat.UserName, text["User.NameTaken", cells.UserName]));
                else if (givenNames.TryGetValue(cells.UserName, out var firstRow))
                    rowErrors.Add(Error(rowNumber, MemberFormat.UserName, text["Members.DuplicateUserName", cells.UserName, firstRow]));
                else
                    givenNames[cells.UserName] = rowNumber;
            }

            MemberFormat.TryParseCategory(cells.Category, out var category);
            errors.AddRange(rowErrors);
            lines.Add((cells, rowErrors, organization, roles, category));
        }

        // Generated names keep clear of every name taken, in the database or anywhere in the file.
        var taken = new HashSet<string>(context.ExistingUserNames, StringComparer.OrdinalIgnoreCase);
        taken.UnionWith(givenNames.Keys);
        var next = new Dictionary<string, int>();
        var rows = new List<MemberPreviewRow>(lines.Count);
        foreach (var (cells, rowErrors, organization, roles, category) in lines)
        {
            if (rowErrors.Count > 0 || organization is null)
            {
                rows.Add(new MemberPreviewRow(cells, null));
                continue;
            }
            var userName = cells.UserName;
            var generated = userName.Length == 0;
            if (generated)
            {
                var stem = MemberFormat.UserNameStem(organization.Id, organization.Code);
                var number = next.GetValueOrDefault(stem, 1);
                do userName = $"{stem}{number++:D3}"; while (!taken.Add(userName));
                next[stem] = number;
            }
            rows.Add(new MemberPreviewRow(cells, new MemberRow(cells.DisplayName, userName, generated, organization.Id, organization.Name,
                roles, MemberFormat.NormalizePhone(cells.Phone), category)));
        }
        return new MemberImportPreview(fileName, rows, errors.OrderBy(e => e.Row ?? 0).ToList());
    }

    private static Dictionary<string, string> ToColumns(List<string?> columns, IReadOnlyList<string> values)
    {
        var cells = new Dictionary<string, string>();
        for (var i = 0; i < columns.Count && i < values.Count; i++)
        {
            if (columns[i] is { } column) cells.TryAdd(column, values[i]);
        }
        return cells;
    }

    private MemberImportError Error(int row, string column, string message) =>
        new(row, column, message, text["Members.ErrorAt", row, column, message]);

    private static MemberImportError FileError(string message) => new(null, null, message, message);

    private static MemberImportPreview Refused(string fileName, params MemberImportError[] errors) => new(fileName, [], errors);
}
