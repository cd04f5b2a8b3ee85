using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.FeedbackHandling;

/// <summary>
/// When the step a feedback enters is due: the settings' working days for that step, counted on the Admin's calendar
/// from the bureau's day the step starts, until the end of the last of them.
/// </summary>
public sealed class FeedbackDeadlines(SettingsService settings, WorkingDayService workingDays, BureauClock clock)
{
    public async Task<DateTime?> DueAsync(FeedbackState entering, DateTime stepStartUtc, CancellationToken cancellationToken)
    {
        if ((await settings.GetAsync(cancellationToken)).FeedbackStepWorkingDays(entering) is not { } days) return null;
        var start = DateOnly.FromDateTime(clock.ToLocal(stepStartUtc));
        return clock.EndOfDayUtc(await workingDays.AddWorkingDaysAsync(start, days, cancellationToken));
    }
}
