using System.Text.RegularExpressions;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// A workflow action is named only through <see cref="WorkflowAction"/>: no string literal in the app's code spells one
/// (as a C# string or inside SQL), so a subscriber, a query or a generator cannot drift from what the entities write.
/// Migrations are history and keep the text they ran with.
/// </summary>
public sealed partial class WorkflowActionSourceTests
{
    /// <summary>Literals that spell an action's name but mean something else, each with its reason.</summary>
    private static readonly HashSet<(string File, string Literal)> NotActions =
    [
        // The load generator's column list: Feedback.Answer, the answer's text.
        ("Features/Admin/LoadGeneration/LoadGenerator.cs", "Answer"),
    ];

    [Fact]
    public void No_workflow_action_is_spelled_as_a_string_outside_its_enum()
    {
        var root = AppSource();
        var names = Enum.GetNames<WorkflowAction>().ToHashSet();
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith("Data/Migrations/", StringComparison.Ordinal) || relative.StartsWith("Data/PostgreSQL/Migrations/", StringComparison.Ordinal)
                || relative.StartsWith("obj/", StringComparison.Ordinal)
                || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                // Comments may name a value (<see cref="Approve"/>); only code is read.
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (var literal in Literals(lines[i]).Where(names.Contains))
                {
                    if (!NotActions.Contains((relative, literal))) found.Add($"{relative}:{i + 1}: \"{literal}\"  {lines[i].Trim()}");
                }
            }
        }

        found.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""MoveTo(DisclosureState.Approved, "Approve", reviewer, utcNow);""", "Approve")]
    [InlineData("""(nameof(Disclosure), "Submit") => SubmittedAsync(db, change, cancellationToken),""", "Submit")]
    [InlineData("""var approved = change.Action.ToString() == "Approve";""", "Approve")]
    [InlineData("""WHERE a."Action" = 'Withdraw'""", "Withdraw")]
    [InlineData("""Touch(WorkflowAction.Amend, actor, utcNow, "Approve the change");""", null)]
    public void The_scan_sees_an_action_written_as_text(string line, string? expected)
    {
        var hits = Literals(line).Where(Enum.GetNames<WorkflowAction>().Contains).ToList();
        if (expected is null) hits.ShouldBeEmpty();
        else hits.ShouldBe([expected]);
    }

    private static IEnumerable<string> Literals(string line) =>
        Literal().Matches(line).Select(m => m.Groups["text"].Value);

    // A whole "…" or '…' literal made of one identifier: an action's name and nothing else.
    [GeneratedRegex("""(?<q>["'])(?<text>[A-Za-z]+)\k<q>""")]
    private static partial Regex Literal();

    internal static string AppSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "PartyAffairs.App");
            if (File.Exists(Path.Combine(candidate, "PartyAffairs.App.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("PartyAffairs.App");
    }
}
