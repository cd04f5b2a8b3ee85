using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Applications;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Archive.Verification;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Dashboard;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
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

    /// <summary>
    /// The city's applications for disclosure (依申请公开) come in every state the app reaches, and each row is one the app
    /// itself could have made: replayed through the domain (received, assigned, extended, answered, at the times its audit
    /// trail records, answered with the disclosure it links) it ends with the same state, due date, lateness and version,
    /// and leaves the same audit lines.
    /// </summary>
    [Fact]
    public async Task Applications_come_in_every_state_and_each_replays_through_the_domain_to_the_same_row_and_audit_trail()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var options = new LoadOptions(Organizations: 6, Disclosures: 3000, Feedback: 100, Archive: 50, Years: 1, Applications: 600);
        var result = await harness.Services.GetRequiredService<LoadGenerator>().GenerateAsync(options, null, CancellationToken.None);

        result.Applications.ShouldBe(600);
        var clock = harness.Services.GetRequiredService<BureauClock>();
        var calendar = await harness.Services.GetRequiredService<WorkingDayService>().GetCalendarAsync();
        AppSettings settings;
        await using (var settingsScope = harness.NewScope()) settings = await settingsScope.ServiceProvider.GetRequiredService<SettingsService>().GetAsync();
        var today = clock.Today;
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));
        static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

        await using var db = harness.NewDb();
        var applications = await db.Applications.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        applications.Count.ShouldBe(600);
        var trails = (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(DisclosureApplication)).ToListAsync())
            .GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).ToList());
        var linked = applications.Where(a => a.DisclosureId != null).Select(a => a.DisclosureId!.Value).ToHashSet();
        var disclosures = await db.Disclosures.AsNoTracking().Where(d => linked.Contains(d.Id)).ToDictionaryAsync(d => d.Id);

        string Kind(DisclosureApplication a) => a.State switch
        {
            _ when a.IsLate(today) => "overdue",
            ApplicationState.Answered => a.AnsweredLate == true ? "answered late" : "answered on time",
            ApplicationState.Assigned when a.IsExtended => "extended",
            _ => a.State.ToString(),
        };
        applications.Select(Kind).Distinct().Order().ShouldBe(
            ["Assigned", "Received", "answered late", "answered on time", "extended", "overdue"], ignoreOrder: true);
        applications.Where(a => a.Outcome != null).Select(a => a.Outcome!.Value).Distinct().Count().ShouldBe(Enum.GetValues<ApplicationOutcome>().Length);
        applications.Select(a => a.Channel).Distinct().Count().ShouldBe(Enum.GetValues<ApplicationChannel>().Length);
        applications.Count(a => a.IsExtended && a.State == ApplicationState.Answered).ShouldBeGreaterThan(0);
        applications.Select(a => a.TrackingCodeHash).ShouldAllBe(h => h != null);
        applications.Select(a => a.TrackingCodeHash).Distinct().Count().ShouldBe(600);
        applications.ShouldAllBe(a => a.Scope == Audience.Public && a.SubmittedById == null);

        var office = new Actor("load-reviewer", "压测审核人", null, new HashSet<string> { Roles.Office });
        foreach (var stored in applications)
        {
            var trail = trails[stored.Id];
            trail.Select(e => e.AtUtc).ShouldBeInOrder(SortDirection.Ascending, $"application {stored.Id}");
            trail.ShouldAllBe(e => e.AtUtc <= clock.UtcNow && e.OrganizationId == stored.OrganizationId);
            var firstDue = calendar.AddWorkingDays(Day(stored.ReceivedAtUtc), settings.ApplicationAnswerWorkingDays);
            Actor Who(AuditEntry e) => e.ActorId == office.UserId ? office : e.ActorId == "" ? Actor.Anonymous
                : new Actor(e.ActorId, e.ActorName, null, new HashSet<string> { Roles.FeedbackHandler });

            var receive = trail[0];
            var replay = stored.Channel == ApplicationChannel.Online
                ? DisclosureApplication.Online(stored.OrganizationId, stored.Scope, stored.Subject, stored.Purpose, stored.ApplicantName,
                    stored.ApplicantContact, Who(receive), Utc(receive.AtUtc), firstDue)
                : DisclosureApplication.Paper(stored.OrganizationId, stored.Channel, stored.Subject, stored.Purpose, stored.ApplicantName,
                    stored.ApplicantContact, Utc(stored.ReceivedAtUtc), Who(receive), Utc(receive.AtUtc), firstDue);
            foreach (var step in trail.Skip(1))
            {
                switch (step.Action)
                {
                    case WorkflowAction.Assign:
                        replay.Assign(Who(step), Utc(step.AtUtc), stored.AssigneeId!, stored.AssigneeName!);
                        break;
                    case WorkflowAction.ExtendDeadline:
                        replay.Extend(Who(step), Utc(step.AtUtc), stored.ExtensionReason!,
                            calendar.AddWorkingDays(replay.DueOn, settings.ApplicationExtensionWorkingDays));
                        break;
                    case WorkflowAction.Answer:
                        var disclosure = stored.DisclosureId is { } id ? disclosures[id] : null;
                        // What an answer points to was on the board by then (已主动公开: before the application came).
                        if (disclosure is not null) disclosure.PublishedAtUtc!.Value.ShouldBeLessThanOrEqualTo(
                            stored.Outcome == ApplicationOutcome.AlreadyDisclosed ? stored.ReceivedAtUtc : stored.AnsweredAtUtc!.Value);
                        stored.AnsweredAtUtc.ShouldBe(step.AtUtc);
                        replay.AnswerWith(Who(step), Utc(step.AtUtc), Day(step.AtUtc), stored.Outcome!.Value, stored.Answer!, stored.Withheld,
                            stored.Refusal, stored.RefusalText, disclosure);
                        break;
                    default:
                        throw new ShouldAssertException($"application {stored.Id}: unexpected {step.Action}");
                }
            }

            (replay.State, replay.DueOn, replay.ExtendedFrom, replay.ExtensionReason, replay.AnsweredLate, replay.Outcome, replay.DisclosureId, replay.Version)
                .ShouldBe((stored.State, stored.DueOn, stored.ExtendedFrom, stored.ExtensionReason, stored.AnsweredLate, stored.Outcome, stored.DisclosureId,
                    stored.Version), $"application {stored.Id}");
            (replay.RegisteredById, replay.AssigneeId).ShouldBe((stored.RegisteredById, stored.AssigneeId), $"application {stored.Id}");
            replay.PendingAudit.Select(e => (e.AtUtc, e.ActorId, e.Action, e.FromState, e.ToState, e.Reason))
                .ShouldBe(trail.Select(e => (Utc(e.AtUtc), e.ActorId, e.Action, e.FromState, e.ToState, e.Reason)), $"application {stored.Id}");
        }

        // The Office's list and dashboard read them as the app's own.
        await harness.CreateUserAsync("city-office", null, Roles.Office);
        await harness.SignInAsync("city-office");
        await using var scope = harness.NewScope();
        var list = await scope.ServiceProvider.GetRequiredService<ApplicationQueryService>().ListAsync(new ApplicationFilter(LateOnly: true), 0, 20);
        list.Succeeded.ShouldBeTrue(list.Message);
        list.Value!.Total.ShouldBe(applications.Count(a => a.IsLate(today)));
        var dashboard = (await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync()).Value!;
        dashboard.LateApplications.Total.ShouldBe(list.Value.Total);
    }

    [Fact]
    public async Task The_generator_refuses_a_database_that_already_holds_disclosures()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            harness.Services.GetRequiredService<LoadGenerator>().GenerateAsync(Small, null, CancellationToken.None));
    }

    [Fact]
    public async Task Asked_for_accounts_the_city_gets_one_per_role_that_signs_in_with_the_given_password()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(new LoadOptions(Organizations: 5, Disclosures: 50, Feedback: 10, Archive: 5, Years: 1, AccountPassword: "Bench@2026"), null, CancellationToken.None);

        await using var scope = harness.NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = harness.NewDb();
        var branch = await db.Organizations.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.SortOrder).Select(o => o.Id).FirstAsync();
        foreach (var (userName, role) in LoadAccounts.All)
        {
            var user = (await users.FindByNameAsync(userName)).ShouldNotBeNull(userName);
            (await users.CheckPasswordAsync(user, "Bench@2026")).ShouldBeTrue(userName);
            (await users.IsInRoleAsync(user, role)).ShouldBeTrue(userName);
            user.MustChangePassword.ShouldBeFalse();
            if (role is Roles.Secretary or Roles.Drafter or Roles.FeedbackHandler or Roles.Member) user.OrganizationId.ShouldBe(branch);
        }
        (await db.Users.CountAsync(u => u.UserName!.StartsWith("bench-"))).ShouldBe(LoadAccounts.All.Count);
    }

    [Fact]
    public async Task Without_a_password_the_city_gets_no_accounts()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.Services.GetRequiredService<LoadGenerator>()
            .GenerateAsync(new LoadOptions(Organizations: 3, Disclosures: 20, Feedback: 5, Archive: 2, Years: 1), null, CancellationToken.None);
        await using var db = harness.NewDb();
        (await db.Users.CountAsync(u => u.UserName!.StartsWith("bench-"))).ShouldBe(0);
    }

    [Fact]
    public void Options_are_read_from_the_command_line_and_a_bad_number_is_refused()
    {
        LoadOptions.Parse(["--organizations", "20", "--disclosures", "500", "--data-directory", "/tmp/x", "--years", "2"])
            .ShouldBe(new LoadOptions(Organizations: 20, Disclosures: 500, Years: 2));
        LoadOptions.Parse(["--organizations", "20", "--account-password", "Bench@2026"])
            .ShouldBe(new LoadOptions(Organizations: 20, AccountPassword: "Bench@2026"));
        LoadOptions.Parse(["--disclosures", "500", "--applications", "40"])
            .ShouldBe(new LoadOptions(Disclosures: 500, Applications: 40));
        new LoadOptions(Disclosures: 500).ApplicationCount.ShouldBe(5, "one per hundred disclosures unless asked");
        new LoadOptions(Disclosures: 500, Applications: 0).ApplicationCount.ShouldBe(0);
        LoadOptions.Parse(["--applications", "-3"]).ShouldBeNull();
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
