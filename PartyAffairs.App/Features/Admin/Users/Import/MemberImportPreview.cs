namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>What an import would save: every line of the file and every problem found; it saves only when there are none.</summary>
public sealed record MemberImportPreview(string FileName, IReadOnlyList<MemberPreviewRow> Rows, IReadOnlyList<MemberImportError> Errors)
{
    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;

    public IReadOnlyList<MemberRow> ValidRows => Rows.Where(r => r.Row is not null).Select(r => r.Row!).ToList();
}
