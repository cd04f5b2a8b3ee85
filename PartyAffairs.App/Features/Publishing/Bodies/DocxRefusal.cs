namespace PartyAffairs.App.Features.Publishing.Bodies;

/// <summary>Why a file cannot be imported as a body; each has its own message (DraftStrings <c>Draft.Import.&lt;value&gt;</c>).</summary>
public enum DocxRefusal
{
    /// <summary>An old binary Word .doc (OLE compound file): save it as .docx.</summary>
    LegacyDoc,

    /// <summary>A WPS .wps file: save it as .docx in WPS.</summary>
    WpsDocument,

    /// <summary>A password-protected .docx (an OLE compound file holding an EncryptedPackage).</summary>
    PasswordProtected,

    /// <summary>A damaged .docx: the zip or its XML cannot be read.</summary>
    BrokenFile,

    /// <summary>A readable file that is not a Word document (another zip, a spreadsheet, a picture).</summary>
    NotWordDocument,

    /// <summary>Over the size limit, packed or unpacked.</summary>
    TooLarge,

    /// <summary>More embedded images than a body may take.</summary>
    TooManyImages,
}
