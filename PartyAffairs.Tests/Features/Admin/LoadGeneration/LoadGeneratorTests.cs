using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Hosting;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin.LoadGeneration;

/// <summary>A small generated city is one the app reads like its own: every state present, the archive chain valid, the Office's pages answer.</summary>
public sealed class LoadGeneratorTests
{
    private static readonly LoadOptions Small = new(Organizations: 6, Disclosures: 3000, Feedback: 4000, Archive: 500, Years: 2);

    [Fact]
    public async Task A_generated_city_has_every_state_a_valid_archive_chain_and_opens_in_the_app()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var result = await harness.Services.GetRequiredService<LoadGenerator>().GenerateAsync(Small, null, CancellationToken.None);

        await using (var db = harness.NewDb())
        {
            (await db.Organizations.CountAsync()).ShouldBe(6);
            (await db.Disclosures.CountAsync()).ShouldBe(3000);
            (await db.Disclosures.Select(d => d.State).Distinct().CountAsync()).ShouldBe(Enum.GetValues<DisclosureState>().Length);
            (await db.Feedback.CountAsync()).ShouldBe(result.Feedback);
            result.Feedback.ShouldBeGreaterThan(3000);
            (await db.ArchiveRecords.CountAsync()).ShouldBe(500);
            (await db.CatalogueOccurrences.CountAsync(o => o.State == OccurrenceState.Fulfilled)).ShouldBeGreaterThan(0);
            // Every transition left its audit line: a closed item went Create, Submit, Approve, Publish, Close.
            var closed = await db.Disclosures.Where(d => d.State == DisclosureState.Closed).Select(d => d.Id).FirstAsync();
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Disclosure) && a.EntityId == closed)).ShouldBe(5);
        }

        var report = await harness.Services.GetRequiredService<ArchiveVerifier>().VerifyAsync(null, CancellationToken.None);
        report.Problems.ShouldBeEmpty();
        report.RecordCount.ShouldBe(500);

        await harness.CreateUserAsync("city-office", null, Roles.Office);
        await harness.SignInAsync("city-office");
        await using var scope = harness.NewScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
        dashboard.Succeeded.ShouldBeTrue(dashboard.Message);
        dashboard.Value!.OnDisplay.ShouldBeGreaterThan(0);
        var year = harness.Time.GetUtcNow().Year;
        var assessment = await scope.ServiceProvider.GetRequiredService<AssessmentQueryService>().GetAsync(AssessmentPeriod.OfYear(year));
        assessment.Succeeded.ShouldBeTrue(assessment.Message);
        assessment.Value!.Total.Due.ShouldBeGreaterThan(0);
        var search = await scope.ServiceProvider.GetRequiredService<ArchiveQueryService>().ListAsync(new ArchiveFilter(Text: "压测第0003党支部"));
        search.Value!.Total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_generator_refuses_a_database_that_already_holds_disclosures()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            harness.Services.GetRequiredService<LoadGenerator>().GenerateAsync(Small, null, CancellationToken.None));
    }

    [Fact]
    public void Options_are_read_from_the_command_line_and_a_bad_number_is_refused()
    {
        LoadOptions.Parse(["--organizations", "20", "--disclosures", "500", "--data-directory", "/tmp/x", "--years", "2"])
            .ShouldBe(new LoadOptions(Organizations: 20, Disclosures: 500, Years: 2));
        LoadOptions.Parse(["--organizations", "many"]).ShouldBeNull();
        LoadOptions.Parse(["--organizations", "0"]).ShouldBeNull();
    }

    [Fact]
    public async Task The_verb_fills_a_new_data_directory_and_will_not_touch_an_existing_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "partyaffairs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string[] args = [CommandLine.GenerateLoad, "--organizations", "3", "--disclosures", "200", "--feedback", "100", "--archive", "20", "--data-directory", folder];
            var first = await RunAsync(args);
            first.Code.ShouldBe(0, first.Error);
            File.Exists(Path.Combine(folder, "partyaffairs.db")).ShouldBeTrue();
            var again = await RunAsync(args);
            again.Code.ShouldBe(2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>As Program.cs builds the app for a verb: the switches and the forced settings, then the command.</summary>
    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = args, ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddCommandLine(args, CommandLine.SwitchMappings);
        builder.Configuration.AddInMemoryCollection(CommandLine.ForcedSettings(args));
        builder.Configuration["Bureau:TimeZone"] = "Asia/Shanghai";
        builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await app.RunCommandAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
