using Microsoft.Extensions.Localization;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Archive.Verification;

/// <summary>A problem as a person reads it, on the page and on the command line: "档号: what is wrong (file)".</summary>
public sealed class ArchiveProblemText(IStringLocalizer<ArchiveStrings> text)
{
    public string Describe(ArchiveProblem problem) =>
        $"{problem.Subject}: {text[$"Verify.Problem.{problem.Kind}", problem.Item ?? ""]}";

    public string Summary(ArchiveVerificationReport report) =>
        report.Passed
            ? text["Verify.Ok", report.RecordCount, report.FileCount]
            : text["Verify.Failed", report.Problems.Count, report.RecordCount];
}
