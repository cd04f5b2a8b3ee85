using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Admin;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Calendar;

public sealed class CalendarAdminServiceTests
{
    private const string Header = "date,kind,name\n";

    [Fact]
    public async Task A_secretary_is_refused_every_calendar_change_and_the_calendar_stays_as_it_was()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        var before = await SnapshotAsync(harness);
        await harness.SignInAsync("secretary");
        await using var scope = harness.NewScope();
        var service = harness.Get<CalendarAdminService>(scope);

        var results = new Result[]
        {
            await service.AddAsync(Holiday(2026, 11, 26, "假日")),
            await service.UpdateAsync(Holiday(2026, 10, 10, "改成放假")),
            await service.DeleteAsync(new DateOnly(2026, 10, 1)),
            await service.ImportAsync(Header + "2026-01-01,holiday,元旦\n"),
            await service.PreviewImportAsync(Header + "2026-01-01,holiday,元旦\n"),
            await service.GetYearAsync(2026),
        };

        results.ShouldAllBe(r => r.Status == ResultStatus.Forbidden);
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task An_import_with_a_bad_line_saves_nothing_and_names_the_line()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        var before = await SnapshotAsync(harness);
        await using var scope = harness.NewScope();
        var service = harness.Get<CalendarAdminService>(scope);
        const string csv = Header + "2026-01-01,holiday,元旦\n2026-01-02,holiday,元旦\n2026-13-01,holiday,不存在的日子\n";

        var preview = await service.PreviewImportAsync(csv);
        var import = await service.ImportAsync(csv);

        preview.Status.ShouldBe(ResultStatus.Invalid);
        import.Status.ShouldBe(ResultStatus.Invalid);
        import.Message.ShouldBe("第 4 行：格式应为“日期,类型,名称”，日期形如 2026-10-01。");
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task An_import_names_every_line_that_breaks_a_rule_and_saves_nothing()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        var before = await SnapshotAsync(harness);
        await using var scope = harness.NewScope();
        const string csv = Header
            + "2027-01-01,holiday,元旦\n"
            + "2027-01-01,holiday,元旦\n"       // line 3 repeats line 2
            + "2027-01-06,workday,周三调休\n"    // line 4: a make-up day on a Wednesday
            + "2028-01-01,holiday,元旦\n";      // line 5: another year

        var result = await harness.Get<CalendarAdminService>(scope).ImportAsync(csv);

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldNotBeNull();
        result.Message.ShouldContain("第 3 行：日期 2027-01-01 与第 2 行重复。");
        result.Message.ShouldContain("第 4 行：调休上班日应是周六或周日。");
        result.Message.ShouldContain("第 5 行：日期 2028-01-01 不在 2027 年内");
        (await SnapshotAsync(harness)).ShouldBe(before);
    }

    [Fact]
    public async Task Importing_the_shared_file_replaces_its_year_and_the_deadlines_follow()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<CalendarAdminService>(scope);
        var workingDays = harness.Get<WorkingDayService>(scope);
        (await service.DeleteAsync(new DateOnly(2026, 10, 8))).Status.ShouldBe(ResultStatus.NotFound);
        (await service.AddAsync(Holiday(2026, 10, 8, "多放一天"))).Succeeded.ShouldBeTrue();
        (await workingDays.AddWorkingDaysAsync(new DateOnly(2026, 9, 30), 1)).ShouldBe(new DateOnly(2026, 10, 9));
        var csv = await File.ReadAllTextAsync(SharedCalendarPath());

        var preview = await service.PreviewImportAsync(csv);
        var import = await service.ImportAsync(csv);

        preview.Value!.Year.ShouldBe(2026);
        preview.Value.Days.Count.ShouldBe(39);
        preview.Value.ReplacedCount.ShouldBe(40);
        import.Value.ShouldBe(39);
        // Oct 1–7 are holidays and Oct 8 is an ordinary Thursday again once the file replaces the year.
        (await workingDays.AddWorkingDaysAsync(new DateOnly(2026, 9, 30), 1)).ShouldBe(new DateOnly(2026, 10, 8));
        // Saturday Oct 10 is a make-up working day.
        (await workingDays.AddWorkingDaysAsync(new DateOnly(2026, 10, 9), 1)).ShouldBe(new DateOnly(2026, 10, 10));
    }

    [Fact]
    public async Task Adding_editing_and_deleting_a_day_moves_the_working_day_answers_at_once()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<CalendarAdminService>(scope);
        var workingDays = harness.Get<WorkingDayService>(scope);
        var wednesday = new DateOnly(2026, 11, 25);
        (await workingDays.AddWorkingDaysAsync(wednesday, 2)).ShouldBe(new DateOnly(2026, 11, 27));

        (await service.AddAsync(Holiday(2026, 11, 26, "临时放假"))).Succeeded.ShouldBeTrue();
        (await workingDays.AddWorkingDaysAsync(wednesday, 2)).ShouldBe(new DateOnly(2026, 11, 30));

        (await service.AddAsync(new CalendarDayRequest { Date = new DateTime(2026, 11, 28), Kind = CalendarDayKind.Workday, Name = "调休上班" }))
            .Succeeded.ShouldBeTrue();
        (await workingDays.AddWorkingDaysAsync(wednesday, 2)).ShouldBe(new DateOnly(2026, 11, 28));

        (await service.UpdateAsync(new CalendarDayRequest { Date = new DateTime(2026, 11, 26), Kind = CalendarDayKind.Holiday, Name = "感恩节" }))
            .Succeeded.ShouldBeTrue();
        (await service.DeleteAsync(new DateOnly(2026, 11, 28))).Succeeded.ShouldBeTrue();
        (await workingDays.AddWorkingDaysAsync(wednesday, 2)).ShouldBe(new DateOnly(2026, 11, 30));

        (await service.GetYearAsync(2026)).Value!.Single(d => d.Date == new DateOnly(2026, 11, 26)).Name.ShouldBe("感恩节");
    }

    [Fact]
    public async Task A_date_already_in_the_calendar_cannot_be_added_twice()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<CalendarAdminService>(scope).AddAsync(Holiday(2026, 10, 1, "国庆节"));

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldBe("2026-10-01 已有记录，请直接修改该日。");
    }

    private static CalendarDayRequest Holiday(int year, int month, int day, string name) =>
        new() { Date = new DateTime(year, month, day), Kind = CalendarDayKind.Holiday, Name = name };

    private static string SharedCalendarPath()
    {
        // The repository's own copy of /work/shared/data/cn-calendar-2026.csv, found from the test's output folder.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "PartyAffairs.App", "Data", "Seed", "cn-calendar-2026.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("cn-calendar-2026.csv");
    }

    private static async Task<string> SnapshotAsync(ServiceHarness harness)
    {
        await using var db = harness.NewDb();
        var days = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).Select(d => $"{d.Date}|{d.Kind}|{d.Name}").ToListAsync();
        return string.Join("\n", days);
    }
}
