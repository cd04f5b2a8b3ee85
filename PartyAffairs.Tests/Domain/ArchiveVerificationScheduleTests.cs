using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Domain;

/// <summary>The nightly verification: 02:00 bureau time, and a night's missing run made up by whoever starts the jobs before 06:00.</summary>
public sealed class ArchiveVerificationScheduleTests
{
    [Theory]
    [InlineData("2026-11-26 10:00:00", "2026-11-27 02:00:00")]
    [InlineData("2026-11-26 01:59:59", "2026-11-26 02:00:00")]
    [InlineData("2026-11-26 02:00:00", "2026-11-27 02:00:00")] // the run due now is MissedRun's to make
    [InlineData("2026-12-31 23:00:00", "2027-01-01 02:00:00")]
    public void The_next_run_is_the_next_02_00(string now, string next) =>
        ArchiveVerificationSchedule.NextRun(DateTime.Parse(now)).ShouldBe(DateTime.Parse(next));

    [Theory]
    // The node holding the jobs died at 02:00, in the middle of the run (nothing recorded): the one taking over makes it up.
    [InlineData("2026-11-26 02:00:05", null, "2026-11-26 02:00:00")]
    [InlineData("2026-11-26 02:00:05", "2026-11-25 02:00:00", "2026-11-26 02:00:00")]
    [InlineData("2026-11-26 05:59:59", "2026-11-25 02:00:00", "2026-11-26 02:00:00")]
    // Tonight's run is on record (it finished before the node died): nothing to make up.
    [InlineData("2026-11-26 02:30:00", "2026-11-26 02:00:00", null)]
    [InlineData("2026-11-26 04:00:00", "2026-11-26 03:10:00", null)]
    // Outside the night the day's work has begun: the next night's run will do.
    [InlineData("2026-11-26 06:00:00", "2026-11-25 02:00:00", null)]
    [InlineData("2026-11-26 10:00:00", null, null)]
    [InlineData("2026-11-26 01:59:00", "2026-11-24 02:00:00", null)]
    public void A_nights_missing_run_is_made_up_until_06_00(string now, string? lastNightly, string? missed) =>
        ArchiveVerificationSchedule.MissedRun(DateTime.Parse(now), lastNightly is null ? null : DateTime.Parse(lastNightly))
            .ShouldBe(missed is null ? null : DateTime.Parse(missed));
}
