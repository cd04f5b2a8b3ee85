using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Features.Admin;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Settings;

public sealed class SettingsAdminTests
{
    private static readonly AppSettings Changed = new()
    {
        OfficeApprovesEverything = true,
        ImmediateDueWorkingDays = 3,
        MonthlyDueWorkingDays = 4,
        QuarterlyDueWorkingDays = 12,
        YearlyDueWorkingDays = 20,
        PhaseDueWorkingDays = 6,
        FeedbackAnswerWorkingDays = 7,
        AttachmentMaxMegabytes = 50,
        SensitiveWords = ["绝密", "  内部  ", "绝密"],
    };

    [Fact]
    public async Task A_secretary_cannot_save_the_settings_and_nothing_is_stored()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (_, branchId) = await AdminTestData.CreateOrganizationsAsync(harness);
        await AdminTestData.CreateSecretaryAsync(harness, branchId);
        await harness.SignInAsync("secretary");
        await using var scope = harness.NewScope();
        var settings = harness.Get<SettingsService>(scope);

        var result = await settings.SaveAsync(Changed);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        await using var db = harness.NewDb();
        (await db.Settings.CountAsync()).ShouldBe(0);
        Describe(await settings.GetAsync()).ShouldBe(Describe(new AppSettings()));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Office)]
    public async Task The_admin_and_the_office_save_the_settings_trimmed_and_without_repeats(string role)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.CreateUserAsync("keeper", null, role);
        await harness.SignInAsync("keeper");
        await using var scope = harness.NewScope();
        var settings = harness.Get<SettingsService>(scope);

        var result = await settings.SaveAsync(Changed);

        result.Succeeded.ShouldBeTrue(result.Message);
        Describe(await settings.GetAsync()).ShouldBe(Describe(Changed with { SensitiveWords = ["绝密", "内部"] }));
    }

    [Fact]
    public async Task Out_of_range_settings_are_refused_with_the_field_named()
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();

        var result = await harness.Get<SettingsService>(scope).SaveAsync(Changed with { FeedbackAnswerWorkingDays = 0 });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Message.ShouldNotBeNull();
        result.Message.ShouldContain("反馈答复时限（工作日）");
        result.Errors.Keys.ShouldBe([nameof(AppSettings.FeedbackAnswerWorkingDays)]);
    }

    [Theory]
    [InlineData(nameof(AppSettings.MonthlyDueWorkingDays), 0, "按月公开时限（工作日）")]
    [InlineData(nameof(AppSettings.QuarterlyDueWorkingDays), 0, null)]
    [InlineData(nameof(AppSettings.HalfYearlyDueWorkingDays), -1, null)]
    [InlineData(nameof(AppSettings.YearlyDueWorkingDays), 0, null)]
    [InlineData(nameof(AppSettings.PhaseDueWorkingDays), 0, null)]
    [InlineData(nameof(AppSettings.ImmediateDueWorkingDays), 0, null)]
    [InlineData(nameof(AppSettings.StandingDueWorkingDays), -5, null)]
    public async Task A_due_day_setting_of_zero_or_less_is_refused_and_nothing_is_stored(string setting, int value, string? label)
    {
        AdminTestData.UseChinese();
        await using var harness = await ServiceHarness.CreateAsync();
        await harness.SignInAsync("admin");
        await using var scope = harness.NewScope();
        var service = harness.Get<SettingsService>(scope);
        var settings = setting switch
        {
            nameof(AppSettings.MonthlyDueWorkingDays) => Changed with { MonthlyDueWorkingDays = value },
            nameof(AppSettings.QuarterlyDueWorkingDays) => Changed with { QuarterlyDueWorkingDays = value },
            nameof(AppSettings.HalfYearlyDueWorkingDays) => Changed with { HalfYearlyDueWorkingDays = value },
            nameof(AppSettings.YearlyDueWorkingDays) => Changed with { YearlyDueWorkingDays = value },
            nameof(AppSettings.PhaseDueWorkingDays) => Changed with { PhaseDueWorkingDays = value },
            nameof(AppSettings.ImmediateDueWorkingDays) => Changed with { ImmediateDueWorkingDays = value },
            _ => Changed with { StandingDueWorkingDays = value },
        };

        var result = await service.SaveAsync(settings);
        var preview = await service.PreviewDueMovesAsync(settings);

        result.Status.ShouldBe(ResultStatus.Invalid);
        preview.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([setting]);
        result.Message.ShouldNotBeNull();
        result.Message.ShouldContain("不能为 0 或负数");
        if (label is not null) result.Message.ShouldContain(label);
        Describe(await service.GetAsync()).ShouldBe(Describe(new AppSettings()));
    }

    private static string Describe(AppSettings s) =>
        $"{s.OfficeApprovesEverything}|{s.ImmediateDueWorkingDays}|{s.DueRules}|{s.FeedbackAssignWorkingDays},{s.FeedbackAnswerWorkingDays},{s.FeedbackReportWorkingDays},{s.FeedbackAcknowledgeWorkingDays},{s.FeedbackCloseWorkingDays}|{s.AttachmentMaxMegabytes}|{string.Join(",", s.SensitiveWords)}";
}
