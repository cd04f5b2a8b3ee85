using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Settings;

namespace PartyAffairs.App.Features.Publishing;

/// <summary>
/// The review route under the settings as they stand (read through the shared settings cache): the one place that reads
/// the "Office approves everything" setting for reviewing. A singleton, so background work routes as the circuits do.
/// </summary>
public sealed class ReviewRoutes(SettingsReader settings)
{
    public async Task<CurrentReviewRoute> CurrentAsync(CancellationToken cancellationToken = default) =>
        new((await settings.GetAsync(cancellationToken)).OfficeApprovesEverything);
}
