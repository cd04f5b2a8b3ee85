using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Features.Archive;

/// <summary>Archiving for the signed-in person: the Office, or the Secretary of the disclosure's organization.</summary>
public sealed class ArchiveService(ArchiveWriter writer, ICurrentUser currentUser, Outcomes outcomes)
{
    /// <summary>Archives a closed disclosure whose feedback is all closed; returns its archive number (档号).</summary>
    public Task<Result<string>> ArchiveAsync(int disclosureId, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await currentUser.GetAsync(cancellationToken);
            return await writer.ArchiveAsync(actor, disclosureId, cancellationToken);
        });
}
