using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Features.Audit;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Archive;

namespace PartyAffairs.Tests.Features.Audit;

public sealed class AuditLogServiceTests : ArchiveTestBase
{
    private async Task<Result<AuditLogList>> ListAsync(AuditLogQuery query)
    {
        await using var scope = harness.NewScope();
        return await harness.Get<AuditLogService>(scope).ListAsync(query);
    }

    [Fact]
    public async Task Only_the_office_and_leaders_read_the_log()
    {
        await ClosedDisclosureAsync();
        await harness.CreateUserAsync("leader", null, App.Domain.Roles.Leader);

        await harness.SignInAsync("secretary");
        (await ListAsync(new())).Status.ShouldBe(ResultStatus.Forbidden);
        await using (var scope = harness.NewScope())
            (await harness.Get<AuditLogService>(scope).ExportCsvAsync(new())).Status.ShouldBe(ResultStatus.Forbidden);
        await harness.SignInAsync("leader");
        (await ListAsync(new())).Value!.Total.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_verb_filter_offers_the_verbs_the_log_holds_in_name_order()
    {
        await ClosedDisclosureAsync();
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var options = (await harness.Get<AuditLogService>(scope).OptionsAsync()).Value!;

        options.Actions.ShouldBe(["Approve", "Close", "Create", "Publish", "Submit"]);
        options.EntityTypes.ShouldContain("Disclosure");
    }

    [Fact]
    public async Task Filters_narrow_the_log_and_pages_come_from_the_database()
    {
        var id = await ClosedDisclosureAsync();
        await ClosedDisclosureAsync();
        await harness.SignInAsync("office");

        var all = (await ListAsync(new(PageSize: 200))).Value!;
        all.Total.ShouldBe(10);
        (await ListAsync(new(EntityType: "Disclosure", EntityId: id))).Value!.Rows.Select(r => r.Action)
            .ShouldBe([App.Domain.WorkflowAction.Close, App.Domain.WorkflowAction.Publish, App.Domain.WorkflowAction.Approve, App.Domain.WorkflowAction.Submit, App.Domain.WorkflowAction.Create]);
        (await ListAsync(new(Action: "Approve"))).Value!.Rows.ShouldAllBe(r => r.ActorName == "office");
        (await ListAsync(new(Person: "secret"))).Value!.Total.ShouldBe(4);
        (await ListAsync(new(Person: "%"))).Value!.Total.ShouldBe(0);
        (await ListAsync(new(OrganizationId: otherBranchId))).Value!.Total.ShouldBe(0);
        var today = DateOnly.FromDateTime(now.AddHours(8));
        (await ListAsync(new(From: today.AddDays(1)))).Value!.Total.ShouldBe(0);
        (await ListAsync(new(From: today.AddDays(-30), To: today))).Value!.Total.ShouldBe(10);
        var page = (await ListAsync(new(Page: 1, PageSize: 3))).Value!;
        page.Rows.Count.ShouldBe(3);
        page.Rows[0].Id.ShouldBe(all.Rows[3].Id);
        (await ListAsync(new(From: today, To: today.AddDays(-1)))).Status.ShouldBe(ResultStatus.Invalid);
    }

    [Fact]
    public async Task The_csv_has_a_bom_chinese_headers_and_formula_text_kept_as_text()
    {
        var id = await ClosedDisclosureAsync();
        await using (var db = harness.NewDb())
        {
            db.AuditEntries.Add(new App.Domain.AuditEntry(office, now, "Disclosure", id, branchId, App.Domain.WorkflowAction.Withdraw, "Published", "Withdrawn", "=HYPERLINK(\"http://x\",\"点我\")"));
            await db.SaveChangesAsync();
        }
        await harness.SignInAsync("office");
        await using var scope = harness.NewScope();

        var bytes = (await harness.Get<AuditLogService>(scope).ExportCsvAsync(new(Action: "Withdraw"))).Value!;

        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("时间,操作人,党组织");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("测试党支部");
        lines[1].ShouldEndWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
    }

    [Fact]
    public async Task The_log_and_the_dashboard_feed_are_newest_first_by_time_whatever_order_the_entries_were_written_in()
    {
        // Written in this order (ids ascending), happened in another: a backfill or the seed writes earlier moments later.
        var written = new[] { now, now.AddHours(-2), now.AddHours(-1), now };
        var ids = new List<long>();
        await using (var db = harness.NewDb())
        {
            foreach (var at in written)
            {
                var entry = new App.Domain.AuditEntry(office, at, "Disclosure", 1, branchId, App.Domain.WorkflowAction.Submit, "Draft", "Submitted", null);
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync();
                ids.Add(entry.Id);
            }
        }
        await harness.SignInAsync("office");
        long[] expected = [ids[3], ids[0], ids[2], ids[1]];

        (await ListAsync(new())).Value!.Rows.Select(r => r.Id).ShouldBe(expected);
        var feed = await harness.Services.GetRequiredService<App.Features.Dashboard.DashboardFeed>().GetAsync();
        feed.Feed.Select(r => r.Id).ShouldBe(expected);
    }

    [Fact]
    public async Task An_entry_about_a_catalogue_names_its_year()
    {
        await using (var db = harness.NewDb())
        {
            db.Catalogues.Add(new App.Domain.Catalogue(2026, "2026年度党务公开目录", null, office, now));
            await db.SaveChangesAsync();
        }
        await harness.SignInAsync("office");

        var row = (await ListAsync(new(EntityType: "Catalogue"))).Value!.Rows.ShouldHaveSingleItem();
        row.CatalogueYear.ShouldBe(2026);
        (await ListAsync(new(EntityType: "Disclosure"))).Value!.Rows.ShouldAllBe(r => r.CatalogueYear == null);
    }
}
