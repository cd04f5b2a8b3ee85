using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;

namespace PartyAffairs.App.Features.Applications;

/// <summary>An application's due date: the settings' working days counted on the Admin's calendar from the bureau's day it was received; an extension from the old due date.</summary>
public sealed class ApplicationDeadlines(SettingsService settings, WorkingDayService workingDays)
{
    public async Task<DateOnly> DueOnAsync(DateOnly receivedOn, CancellationToken cancellationToken) =>
        await workingDays.AddWorkingDaysAsync(receivedOn, (await settings.GetAsync(cancellationToken)).ApplicationAnswerWorkingDays, cancellationToken);

    public async Task<DateOnly> ExtendedAsync(DateOnly dueOn, CancellationToken cancellationToken) =>
        await workingDays.AddWorkingDaysAsync(dueOn, (await settings.GetAsync(cancellationToken)).ApplicationExtensionWorkingDays, cancellationToken);
}
