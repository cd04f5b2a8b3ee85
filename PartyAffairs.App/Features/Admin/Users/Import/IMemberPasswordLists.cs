namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Where an import's initial-password list waits for its one download: <see cref="MemberPasswordLists"/> in the memory of
/// the one SQLite node, or <see cref="ClusterMemberPasswordLists"/> in the shared PostgreSQL database, since the download
/// may reach another node than the import did.
/// </summary>
public interface IMemberPasswordLists
{
    /// <summary>Keeps <paramref name="content"/> for <paramref name="ownerId"/>; returns the token that downloads it.</summary>
    Task<string> PutAsync(string ownerId, byte[] content, CancellationToken cancellationToken);

    /// <summary>The list, removed as it is handed over; null when the token is unknown, taken, expired or someone else's (left in place).</summary>
    Task<byte[]?> TakeAsync(string ownerId, string token, CancellationToken cancellationToken);
}
