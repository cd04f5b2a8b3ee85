namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>Either the imported body or why the file was refused; a refusal changes nothing.</summary>
public sealed record DocxImportResult(DocxImport? Import, DocxRefusal? Refusal)
{
    public bool Succeeded => Import is not null;

    public static DocxImportResult Refused(DocxRefusal refusal) => new(null, refusal);
}
