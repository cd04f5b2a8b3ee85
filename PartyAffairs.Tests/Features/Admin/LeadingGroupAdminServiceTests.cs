using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LeadingGroup;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>The Admin and the Office keep the leading group: who may, history kept by ending seats, what counts as current.</summary>
public sealed class LeadingGroupAdminServiceTests
{
    // ServiceHarness.DefaultNow is 2026-11-26 in Beijing.
    private static readonly DateTime Today = new(2026, 11, 26);

    private static SeatRequest Request(string name = "王建国", LeadingGroupPosition position = LeadingGroupPosition.Leader,
        DateTime? from = null, string? userId = null) =>
        new() { PersonName = name, Post = "机关党委书记", Position = position, ValidFrom = from ?? Today.AddYears(-1), UserId = userId };

    private static async Task<T> As<T>(ServiceHarness harness, string user, Func<LeadingGroupAdminService, Task<T>> step)
    {
        await harness.SignInAsync(user);
        await using var scope = harness.NewScope();
        return await step(harness.Get<LeadingGroupAdminService>(scope));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Office)]
    public async Task The_admin_and_the_office_add_a_seat_and_it_is_audited(string role)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("editor", null, role);

        var created = await As(harness, "editor", s => s.CreateAsync(Request()));

        created.Succeeded.ShouldBeTrue(created.Message);
        var rows = (await As(harness, "editor", s => s.ListAsync(includePast: false))).Value!;
        rows.Select(r => (r.PersonName, r.Position, r.IsCurrent)).ShouldBe([("王建国", LeadingGroupPosition.Leader, true)]);
        await using var db = harness.NewDb();
        (await db.AuditEntries.Where(a => a.EntityType == nameof(LeadingGroupMember) && a.EntityId == created.Value)
            .Select(a => a.Action).ToListAsync()).ShouldBe([WorkflowAction.Create]);
    }

    [Fact]
    public async Task A_secretary_is_refused_every_call_and_nothing_changes()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        await harness.CreateUserAsync("office", null, Roles.Office);
        var seatId = (await As(harness, "office", s => s.CreateAsync(Request()))).Value;

        var results = new Result[]
        {
            await As(harness, "secretary", s => s.CreateAsync(Request("李"))),
            await As(harness, "secretary", s => s.UpdateAsync(seatId, 1, Request("李"))),
            await As(harness, "secretary", s => s.EndAsync(seatId, 1, new EndSeatRequest { LastDay = Today })),
            await As(harness, "secretary", s => s.ListAsync(true)),
            await As(harness, "secretary", s => s.AccountsAsync()),
        };

        results.ShouldAllBe(r => r.Status == ResultStatus.Forbidden);
        await using var db = harness.NewDb();
        var seat = await db.LeadingGroupMembers.SingleAsync();
        (seat.PersonName, seat.ValidUntil, seat.Version).ShouldBe(("王建国", (DateOnly?)null, 1));
    }

    [Fact]
    public async Task A_reshuffle_ends_the_old_seat_and_keeps_it_in_the_history()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("office", null, Roles.Office);
        var old = (await As(harness, "office", s => s.CreateAsync(Request("王建国", from: Today.AddYears(-3))))).Value;

        (await As(harness, "office", s => s.EndAsync(old, 1, new EndSeatRequest { LastDay = Today.AddDays(-1), Reason = "换届" })))
            .Succeeded.ShouldBeTrue();
        (await As(harness, "office", s => s.CreateAsync(Request("赵新", from: Today)))).Succeeded.ShouldBeTrue();

        var current = (await As(harness, "office", s => s.ListAsync(includePast: false))).Value!;
        current.Select(r => r.PersonName).ShouldBe(["赵新"]);
        var all = (await As(harness, "office", s => s.ListAsync(includePast: true))).Value!;
        all.Select(r => (r.PersonName, r.IsCurrent, r.ValidUntil)).ShouldBe(
            [("赵新", true, (DateOnly?)null), ("王建国", false, new DateOnly(2026, 11, 25))]);
        await using var db = harness.NewDb();
        (await db.LeadingGroupMembers.CountAsync()).ShouldBe(2);
        (await db.AuditEntries.Where(a => a.EntityId == old && a.EntityType == nameof(LeadingGroupMember)).Select(a => a.Action).ToListAsync())
            .ShouldBe([WorkflowAction.Create, WorkflowAction.EndSeat]);
    }

    [Fact]
    public async Task Ending_twice_or_from_a_stale_page_is_refused()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("office", null, Roles.Office);
        var id = (await As(harness, "office", s => s.CreateAsync(Request()))).Value;
        var end = new EndSeatRequest { LastDay = Today };

        (await As(harness, "office", s => s.EndAsync(id, 1, end))).Succeeded.ShouldBeTrue();
        (await As(harness, "office", s => s.EndAsync(id, 1, end))).Status.ShouldBe(ResultStatus.Conflict);
        (await As(harness, "office", s => s.EndAsync(id, 2, end))).Succeeded.ShouldBeFalse();
        (await As(harness, "office", s => s.EndAsync(id, 2, new EndSeatRequest { LastDay = Today.AddYears(-5) }))).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task A_seat_starting_later_is_not_current_yet_and_an_empty_name_is_refused_by_the_service()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("admin2", null, Roles.Admin);
        (await As(harness, "admin2", s => s.CreateAsync(Request("新任", from: Today.AddDays(1))))).Succeeded.ShouldBeTrue();

        (await As(harness, "admin2", s => s.ListAsync(false))).Value!.ShouldBeEmpty();
        (await As(harness, "admin2", s => s.ListAsync(true))).Value!.Single().IsCurrent.ShouldBeFalse();
        var invalid = await As(harness, "admin2", s => s.CreateAsync(Request("  ")));
        invalid.Status.ShouldBe(ResultStatus.Invalid);
        invalid.Errors.Keys.ShouldContain(nameof(SeatRequest.PersonName));
    }

    [Fact]
    public async Task Linking_an_account_grants_no_role()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("office", null, Roles.Office);
        var member = await harness.CreateUserAsync("wang", null, Roles.Member);

        (await As(harness, "office", s => s.CreateAsync(Request(userId: member)))).Succeeded.ShouldBeTrue();

        var account = (await As(harness, "office", s => s.AccountsAsync())).Value!.Single(a => a.Id == member);
        account.Roles.ShouldBe([Roles.Member]);
        LeadingGroupAdminService.SuggestedRoles(LeadingGroupPosition.Leader).ShouldBe([Roles.Leader]);
        (await As(harness, "office", s => s.CreateAsync(Request(userId: "no-such-id")))).Status.ShouldBe(ResultStatus.Invalid);
    }
}
