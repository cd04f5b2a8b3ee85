using Microsoft.Extensions.Localization;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Catalogues.Import;

/// <summary>
/// Turns a template file into a preview: reads it, maps its headers, validates every line and finds duplicate
/// items (same organization and 事项; the later line is the one in error). Every problem is collected, none thrown.
/// A problem of the whole file is said once: an unknown header by its name, an unknown organization once with every
/// line that names it and the names that would do.
/// </summary>
public sealed class CatalogueImportAnalyzer(IStringLocalizer<CatalogueImportStrings> text, OrganizationLookup organizations)
{
    private readonly CatalogueRowValidator validator = new(text);

    public CatalogueImportPreview Analyse(byte[] content, string fileName, int maxRows)
    {
        CatalogueSheet sheet;
        try
        {
            sheet = CatalogueSheetReader.Read(content, fileName);
        }
        catch (CatalogueFileProblem problem)
        {
            return Refused(fileName, FileError(text[problem.Key, problem.Arguments]));
        }

        var columns = sheet.Headers.Select(h => CatalogueFormat.ColumnOf(h)).ToList();
        // 状态 is what an export adds; reading it back is not an error. A blank header is an empty column, not a name.
        var unknown = sheet.Headers.Where(h => h.Trim().Length > 0 && CatalogueFormat.ColumnOf(h) is null && h.Trim() != CatalogueFormat.State)
            .Select(h => Error(1, h.Trim(), text["Import.UnknownColumn", h.Trim()])).ToList();
        var missing = CatalogueFormat.RequiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Refused(fileName, [.. missing.Select(c => Error(1, c, text["Import.MissingColumn", c])), .. unknown]);
        }
        if (sheet.Rows.Count == 0) return Refused(fileName, FileError(text["Import.NoRows"]));
        if (sheet.Rows.Count > maxRows) return Refused(fileName, FileError(text["Import.TooManyRows", sheet.Rows.Count, maxRows]));

        var rows = new List<CataloguePreviewRow>(sheet.Rows.Count);
        var errors = new List<CatalogueImportError>(unknown);
        var unknownOrganizations = new Dictionary<string, List<int>>();
        var seen = new Dictionary<(int, string), int>();
        foreach (var (rowNumber, values) in sheet.Rows)
        {
            var cells = CatalogueCells.From(rowNumber, ToColumns(columns, values));
            var result = validator.Validate(cells);
            var rowErrors = result.Errors.Select(e => Error(rowNumber, e.PropertyName, e.ErrorMessage)).ToList();
            var organization = organizations.Find(cells.Organization);
            if (organization is null && cells.Organization.Length > 0)
            {
                if (!unknownOrganizations.TryGetValue(cells.Organization, out var lines)) unknownOrganizations[cells.Organization] = lines = [];
                lines.Add(rowNumber);
            }
            if (organization is { } org && cells.Title.Length > 0)
            {
                if (seen.TryGetValue((org.Id, cells.Title), out var firstRow))
                    rowErrors.Add(Error(rowNumber, CatalogueFormat.Title, text["Import.Duplicate", cells.Title, org.Name, firstRow]));
                else
                    seen[(org.Id, cells.Title)] = rowNumber;
            }
            errors.AddRange(rowErrors);
            rows.Add(new CataloguePreviewRow(cells, rowErrors.Count == 0 && organization is { } found ? ToRow(cells, found.Name) : null));
        }
        var valid = string.Join("、", organizations.Names);
        errors.AddRange(unknownOrganizations.Select(u => Error(u.Value[0], CatalogueFormat.Organization,
            text["Import.UnknownOrganization", u.Key, string.Join("、", u.Value), valid])));
        return new CatalogueImportPreview(fileName, rows, errors.OrderBy(e => e.Row ?? 0).ToList());
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

    private static CatalogueRow ToRow(CatalogueCells cells, string organizationName)
    {
        var cadence = CatalogueFormat.ParseCadence(cells.Cadence)!.Value;
        return new CatalogueRow(organizationName, CatalogueFormat.ParseCategory(cells.Category)!.Value, cells.Title, cells.Description,
            CatalogueFormat.ParseChannels(cells.Channels)!.Value, CatalogueFormat.ParseAudience(cells.Audience)!.Value, cadence,
            CatalogueFormat.ParseStanding(cells.Standing)!.Value, cells.Responsible,
            cadence == Domain.Cadence.Phased ? CatalogueFormat.ParsePhases(cells.Phases) : [], BodyTemplateText.Clean(cells.BodyTemplate));
    }

    private CatalogueImportError Error(int row, string column, string message) =>
        new(row, column, message, text["Import.ErrorAt", row, column, message]);

    private static CatalogueImportError FileError(string message) => new(null, null, message, message);

    private static CatalogueImportPreview Refused(string fileName, params CatalogueImportError[] errors) => new(fileName, [], errors);
}
