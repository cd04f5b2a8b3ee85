using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Features.Archive.Packages;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Backup;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Hosting;

/// <summary>
/// The operator's verbs, run by the same binary without starting the web server:
/// <c>verify-archive</c> (the whole archive), <c>verify-archive --package file.zip</c> (one downloaded package) and
/// <c>backup folder</c>. Exit codes: 0 all is well, 1 problems found, 2 the command could not run.
/// </summary>
public static class CommandLine
{
    public const string VerifyArchive = "verify-archive";
    public const string Backup = "backup";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is VerifyArchive or Backup;

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var services = app.Services;
        var text = services.GetRequiredService<IStringLocalizer<ArchiveStrings>>();
        var problems = services.GetRequiredService<ArchiveProblemText>();
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        try
        {
            if (args[0] == Backup)
            {
                if (args.Length < 2) return Fail(error, text["Cli.BackupUsage"]);
                var result = await services.GetRequiredService<DataBackup>().BackupAsync(args[1], CancellationToken.None);
                await output.WriteLineAsync(text["Cli.BackupDone", result.FileCount, result.Bytes, result.Folder]);
                return 0;
            }

            ArchiveVerificationReport report;
            var package = Array.IndexOf(args, "--package");
            if (package > 0)
            {
                if (package + 1 >= args.Length) return Fail(error, text["Cli.VerifyUsage"]);
                var path = args[package + 1];
                if (!File.Exists(path)) return Fail(error, text["Cli.NoFile", path]);
                await using var stream = File.OpenRead(path);
                report = await ArchivePackageVerifier.VerifyAsync(stream, Path.GetFileName(path), CancellationToken.None);
            }
            else
            {
                // Never create an empty database where the operator expected theirs.
                if (!File.Exists(storage.DatabasePath)) return Fail(error, text["Cli.NoDatabase", storage.DatabasePath]);
                report = await services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
            }

            foreach (var problem in report.Problems) await output.WriteLineAsync(problems.Describe(problem));
            await output.WriteLineAsync(problems.Summary(report));
            if (report.Passed && report.HeadDigest is { } head) await output.WriteLineAsync(text["Cli.Head", head]);
            return report.Passed ? 0 : 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(error, ex.Message);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
