using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The demo bureau as a person meets it on the first start: who can sign in, and that every screen has something to show.</summary>
public sealed class DemoSeederTests(DemoBureauFixture bureau) : IClassFixture<DemoBureauFixture>
{
    private readonly ServiceHarness harness = bureau.Harness;

    [Fact]
    public async Task Every_action_and_record_kind_in_the_audit_trail_has_a_Chinese_label()
    {
        await using var db = harness.NewDb();
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync();
        var kinds = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync();
        var labels = harness.Services.GetRequiredService<PartyAffairs.App.Components.EnumLabels>();

        actions.Where(a => labels.Action(a) == a.ToString()).ShouldBeEmpty();
        kinds.Where(k => labels.EntityType(k) == k).ShouldBeEmpty();
        labels.Action("Archive").ShouldBe("归档");
    }

    [Theory]
    [InlineData("admin", "Admin", null)]
    [InlineData("leader", "Leader", "JGDW")]
    [InlineData("office", "Office", "JGDW")]
    [InlineData("secretary", "Secretary", "DYZB")]
    [InlineData("drafter", "Drafter", "DYZB")]
    [InlineData("handler", "FeedbackHandler", "JGDW")]
    [InlineData("member", "Member", "DYZB")]
    [InlineData("secretary2", "Secretary", "DEZB")]
    public async Task Every_demo_user_signs_in_with_the_demo_password_in_their_role_and_organization(string userName, string role, string? organizationCode)
    {
        await using var scope = harness.NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName);

        user.ShouldNotBeNull();
        (await users.CheckPasswordAsync(user, "Demo@2026")).ShouldBeTrue();
        (await users.IsInRoleAsync(user, role)).ShouldBeTrue();
        (await users.IsInRoleAsync(user, Roles.Member)).ShouldBe(userName != "admin");
        user.MustChangePassword.ShouldBeFalse();
        user.LockoutEnabled.ShouldBeTrue();
        user.DisplayName.ShouldNotBeNullOrWhiteSpace();
        await using var db = harness.NewDb();
        var code = user.OrganizationId is { } id ? await db.Organizations.Where(o => o.Id == id).Select(o => o.Code).SingleAsync() : null;
        code.ShouldBe(organizationCode);
    }

    [Fact]
    public async Task The_bureau_has_the_committees_and_branches_and_the_leading_group_of_the_source_document()
    {
        await using var db = harness.NewDb();
        var organizations = await db.Organizations.ToListAsync();
        var root = organizations.Single(o => o.ParentId is null);
        root.Code.ShouldBe("JGDW");
        root.Kind.ShouldBe(OrganizationKind.OrganPartyCommittee);
        organizations.Single(o => o.Code == "JGJW").Kind.ShouldBe(OrganizationKind.DisciplineCommittee);
        organizations.Count(o => o.Kind == OrganizationKind.Branch && o.ParentId == root.Id).ShouldBeInRange(3, 4);

        var group = await db.LeadingGroupMembers.ToListAsync();
        var leaderId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var officeId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
        group.Single(m => m.Position == LeadingGroupPosition.Leader).UserId.ShouldBe(leaderId);
        group.Single(m => m.Position == LeadingGroupPosition.DeputyLeader).UserId.ShouldBe(officeId);
        group.Single(m => m.Position == LeadingGroupPosition.OfficeDirector).UserId.ShouldBe(officeId);
        group.Count(m => m.Position == LeadingGroupPosition.Member && m.Post.EndsWith("党支部书记")).ShouldBe(organizations.Count(o => o.Kind == OrganizationKind.Branch));
    }

    [Fact]
    public async Task This_years_catalogue_is_in_force_with_every_category_and_cadence_and_last_years_is_there_to_clone()
    {
        await using var db = harness.NewDb();
        var year = ServiceHarness.DefaultNow.Year;
        var catalogue = await db.Catalogues.Include(c => c.Items).ThenInclude(i => i.Occurrences).SingleAsync(c => c.Year == year);

        catalogue.State.ShouldBe(CatalogueState.InForce);
        catalogue.Items.Select(i => i.Category).Distinct().Count().ShouldBe(Enum.GetValues<Category>().Length);
        catalogue.Items.Select(i => i.Cadence).Distinct().Order().ShouldBe(Enum.GetValues<Cadence>());
        catalogue.Items.Select(i => i.Audience).Distinct().Count().ShouldBe(3);
        catalogue.Items.Aggregate(Channel.None, (all, i) => all | i.Channels).ShouldBe(Channel.Board | Channel.Meeting | Channel.Document | Channel.Media);
        catalogue.Items.ShouldContain(i => i.Standing);
        catalogue.Items.Single(i => i.Cadence == Cadence.Phased).Occurrences.OrderBy(o => o.Sequence).Select(o => o.Label)
            .ShouldBe(["确定入党积极分子", "确定发展对象", "接收预备党员", "预备党员转正"]);
        catalogue.Items.Where(i => i.Cadence == Cadence.Monthly).ShouldAllBe(i => i.Occurrences.Count == 12);
        catalogue.Items.Where(i => !i.Standing && i.Cadence is not (Cadence.Phased or Cadence.Immediate))
            .SelectMany(i => i.Occurrences).ShouldAllBe(o => o.DueDate > o.PeriodEnd);
        // A standing line is one obligation for the whole year, due early in it (10 working days after it came into force).
        foreach (var standing in catalogue.Items.Where(i => i.Standing))
        {
            var occurrence = standing.Occurrences.ShouldHaveSingleItem();
            occurrence.Label.ShouldBe($"{year}年度（长期公开）");
            (occurrence.PeriodStart, occurrence.PeriodEnd).ShouldBe((new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
            occurrence.DueDate.ShouldBeInRange(new DateOnly(year, 1, 14), new DateOnly(year, 1, 31));
        }
        (await db.AuditEntries.Where(a => a.EntityType == nameof(Catalogue) && a.EntityId == catalogue.Id).Select(a => a.Action).ToListAsync())
            .ShouldBe([WorkflowAction.Create, WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.PutInForce]);

        var lastYear = await db.Catalogues.Include(c => c.Items).SingleAsync(c => c.Year == year - 1);
        lastYear.State.ShouldBe(CatalogueState.InForce);
        lastYear.Items.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Every_standing_line_of_the_catalogue_in_force_has_an_item_on_display()
    {
        await using var db = harness.NewDb();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var lines = await db.CatalogueItems.Where(i => i.Standing && !i.IsRetired)
            .Where(i => db.Catalogues.Any(c => c.Id == i.CatalogueId && c.Year == ServiceHarness.DefaultNow.Year && c.State == CatalogueState.InForce))
            .Select(i => new { i.Title, OccurrenceIds = i.Occurrences.Select(o => (int?)o.Id).ToList() })
            .ToListAsync();
        var onDisplay = await db.Disclosures.Where(DisclosureRules.OnDisplayAt(now)).Select(d => d.CatalogueOccurrenceId).ToListAsync();

        lines.Count.ShouldBe(4);
        lines.Where(l => !l.OccurrenceIds.Any(onDisplay.Contains)).Select(l => l.Title).ShouldBeEmpty();
        lines.ShouldContain(l => l.Title == "救助管理服务承诺及监督电话");

        // The dashboard agrees: no standing line is missing from the board.
        await using var scope = harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<PartyAffairs.App.Features.Dashboard.DashboardService>().LoadAsync(CancellationToken.None))
            .StandingGaps.Total.ShouldBe(0);
    }

    [Fact]
    public async Task There_are_disclosures_in_every_state_and_on_display_for_every_audience()
    {
        await using var db = harness.NewDb();
        var disclosures = await db.Disclosures.ToListAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;

        disclosures.Select(d => d.State).Distinct().Order().ShouldBe(Enum.GetValues<DisclosureState>());
        foreach (var audience in Enum.GetValues<Audience>())
            disclosures.ShouldContain(d => d.Audience == audience && d.IsOnDisplay(now), $"nothing on display for {audience}");
        disclosures.ShouldContain(d => d.Important && d.IsOnDisplay(now) && d.DisplayUntilUtc - d.DisplayFromUtc >= TimeSpan.FromDays(7));
        disclosures.ShouldContain(d => d.State == DisclosureState.Approved && d.DisplayFromUtc > now);
        disclosures.ShouldContain(d => d.State == DisclosureState.Rejected && d.ReviewComment != null);
        disclosures.ShouldContain(d => d.State == DisclosureState.Submitted && !d.IsInCatalogue);
        disclosures.ShouldContain(d => d.State == DisclosureState.Submitted && d.IsInCatalogue);
        var revision = disclosures.Single(d => d.RevisesDisclosureId is not null);
        revision.State.ShouldBe(DisclosureState.Published);
        disclosures.Single(d => d.Id == revision.RevisesDisclosureId).State.ShouldBe(DisclosureState.Closed);

        // Publishing fulfilled the plan: every fulfilled occurrence points at a published or closed disclosure of its own.
        var fulfilled = await db.CatalogueOccurrences.Where(o => o.State == OccurrenceState.Fulfilled).ToListAsync();
        fulfilled.ShouldNotBeEmpty();
        foreach (var occurrence in fulfilled)
        {
            var disclosure = disclosures.Single(d => d.Id == occurrence.DisclosureId);
            disclosure.CatalogueOccurrenceId.ShouldBe(occurrence.Id);
            disclosure.State.ShouldBeOneOf(DisclosureState.Published, DisclosureState.Closed);
        }
    }

    [Fact]
    public async Task There_is_feedback_in_every_state_one_of_it_late()
    {
        await using var db = harness.NewDb();
        var feedback = await db.Feedback.ToListAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;

        feedback.Select(f => f.State).Distinct().Order().ShouldBe(Enum.GetValues<FeedbackState>());
        feedback.ShouldContain(f => f.IsLate(now));
        feedback.ShouldContain(f => f.Channel == FeedbackChannel.Online && f.IsAnonymous);
        feedback.ShouldContain(f => f.Channel == FeedbackChannel.Online && f.SubmittedById != null);
        feedback.Select(f => f.Channel).ShouldContain(FeedbackChannel.Letter);
        feedback.Select(f => f.Channel).ShouldContain(FeedbackChannel.Phone);
        feedback.Select(f => f.Channel).ShouldContain(FeedbackChannel.Visit);
        feedback.Where(f => f.State != FeedbackState.Closed).ShouldAllBe(f => f.StepDueAtUtc != null);
    }

    [Fact]
    public async Task The_archived_record_recomputes_its_digest_and_covers_settled_feedback()
    {
        await using var db = harness.NewDb();
        var record = await db.ArchiveRecords.Include(r => r.Files).SingleAsync();
        var files = record.Files.OrderBy(f => f.Id).ToList();

        record.ArchiveNumber.ShouldStartWith("DYZB-");
        record.ChainIndex.ShouldBe(1);
        record.PreviousDigest.ShouldBeNull();
        ArchiveDigest.Compute(record.CanonicalJson, files.Select(f => f.Sha256), record.PreviousDigest).ShouldBe(record.Digest);
        files.Count.ShouldBe(2);
        foreach (var file in files)
        {
            var path = Path.Combine(harness.DataDirectory, "archive", file.StoredPath);
            File.Exists(path).ShouldBeTrue(path);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))).ShouldBe(file.Sha256);
        }
        (await db.Feedback.Where(f => f.DisclosureId == record.DisclosureId).ToListAsync())
            .ShouldSatisfyAllConditions(f => f.ShouldNotBeEmpty(), f => f.ShouldAllBe(x => x.State == FeedbackState.Closed));
    }

    [Fact]
    public async Task There_is_an_inspection_with_one_overdue_and_one_done_rectification_and_notifications_for_secretary_and_office()
    {
        await using var db = harness.NewDb();
        var today = DateOnly.FromDateTime(ServiceHarness.DefaultNow.UtcDateTime.AddHours(8));
        var inspection = await db.Inspections.Include(i => i.Rectifications).SingleAsync();
        inspection.Rectifications.Count.ShouldBe(2);
        inspection.Rectifications.ShouldContain(r => r.IsOverdue(today));
        inspection.Rectifications.ShouldContain(r => r.State == RectificationState.Done);

        var secretaryId = await db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync();
        var officeId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
        (await db.Notifications.CountAsync(n => n.UserId == secretaryId && n.ReadAtUtc == null)).ShouldBeGreaterThan(0);
        (await db.Notifications.CountAsync(n => n.UserId == officeId && n.ReadAtUtc == null)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Every_audit_entry_names_its_record_and_nothing_happens_in_the_future()
    {
        await using var db = harness.NewDb();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        var audit = await db.AuditEntries.ToListAsync();

        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(a => a.EntityId > 0);
        audit.ShouldAllBe(a => a.AtUtc <= now);
        audit.ShouldContain(a => a.EntityType == nameof(ArchiveRecord) && a.Action == WorkflowAction.Archive);
    }

    [Theory]
    [InlineData("2027-01-01T16:30:00Z")] // 00:30 on 2 January in Beijing: this year's catalogue has no past yet
    [InlineData("2026-12-31T15:50:00Z")] // 23:50 on New Year's Eve
    [InlineData("2028-02-28T16:10:00Z")] // just after midnight on a leap day, two years past the bundled calendar
    public async Task The_seed_is_consistent_whatever_day_it_runs(string utcNow)
    {
        var now = DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture);
        await using var other = await ServiceHarness.CreateAsync(seedDemo: true, now: now);
        await using var db = other.NewDb();
        var disclosures = await db.Disclosures.ToListAsync();

        disclosures.Select(d => d.State).Distinct().Count().ShouldBe(Enum.GetValues<DisclosureState>().Length);
        foreach (var audience in Enum.GetValues<Audience>())
            disclosures.ShouldContain(d => d.Audience == audience && d.IsOnDisplay(now.UtcDateTime));
        (await db.Feedback.Select(f => f.State).Distinct().CountAsync()).ShouldBe(Enum.GetValues<FeedbackState>().Length);
        (await db.AuditEntries.AnyAsync(a => a.AtUtc > now.UtcDateTime)).ShouldBeFalse();
        (await db.Catalogues.Select(c => c.Year).OrderBy(y => y).ToListAsync()).ShouldBe([now.AddHours(8).Year - 1, now.AddHours(8).Year]);
        (await db.ArchiveRecords.CountAsync()).ShouldBe(1);
        var drafted = await db.Disclosures.Where(d => d.CatalogueOccurrenceId != null)
            .Select(d => new { d.CreatedAtUtc, InForceSince = db.Catalogues.Single(c => c.Id == d.CatalogueOccurrence!.CatalogueItem!.CatalogueId).ApprovedAtUtc })
            .ToListAsync();
        drafted.ShouldAllBe(d => d.InForceSince < d.CreatedAtUtc, "a disclosure fulfils a catalogue that was not yet approved");
    }
}
