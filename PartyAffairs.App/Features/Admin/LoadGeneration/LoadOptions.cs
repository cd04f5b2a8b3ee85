namespace PartyAffairs.App.Features.Admin.LoadGeneration;

/// <summary>
/// The size of a generated city: organizations, disclosures over <see cref="Years"/> years up to today, feedback
/// entries, archive records (at most one per closed disclosure) and applications for disclosure (依申请公开; by default one
/// per hundred disclosures, <see cref="ApplicationCount"/>). Defaults are the city the performance issue names.
/// With <see cref="AccountPassword"/> the city also gets one account per role (<see cref="LoadAccounts"/>) for benchmarks.
/// </summary>
public sealed record LoadOptions(
    int Organizations = 2000,
    int Disclosures = 1_000_000,
    int Feedback = 2_000_000,
    int Archive = 300_000,
    int Years = 3,
    int Seed = 20261127,
    string? AccountPassword = null,
    int? Applications = null)
{
    /// <summary>The applications to generate: as asked, else one per hundred disclosures.</summary>
    public int ApplicationCount => Applications ?? Disclosures / 100;

    /// <summary>
    /// Reads <c>--organizations N --disclosures N --feedback N --archive N --applications N --years N [--account-password P]</c>; null when a
    /// value is not a positive number.
    /// </summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i] == "--data-directory") continue;
            if (args[i] == "--account-password")
            {
                options = options with { AccountPassword = args[i + 1] };
                continue;
            }
            if (!int.TryParse(args[i + 1], out var value) || value < 0) return null;
            options = args[i] switch
            {
                "--organizations" => options with { Organizations = value },
                "--disclosures" => options with { Disclosures = value },
                "--feedback" => options with { Feedback = value },
                "--archive" => options with { Archive = value },
                "--applications" => options with { Applications = value },
                "--years" => options with { Years = value },
                "--seed" => options with { Seed = value },
                _ => options,
            };
        }
        return options.Organizations >= 1 && options.Years >= 1 ? options : null;
    }
}
