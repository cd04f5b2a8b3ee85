namespace PartyAffairs.App.Features.Shared;

/// <summary>Where the app keeps what it writes: the database, uploaded files and the archive store.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute after start-up; relative values in configuration are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The configured directory made absolute against the content root.</summary>
    public static string ResolveDataDirectory(IConfiguration configuration, string contentRootPath) =>
        Path.GetFullPath(configuration[$"{Section}:DataDirectory"] ?? "data", contentRootPath);

    public string DatabasePath => Path.Combine(DataDirectory, "partyaffairs.db");

    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");

    public string ArchiveDirectory => Path.Combine(DataDirectory, "archive");

    /// <summary>Where an archiving copies its files before its record commits; beside the archive, never inside it.</summary>
    public string ArchiveStagingDirectory => Path.Combine(DataDirectory, "archive-staging");
}
