using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Holds each import's list of initial passwords (an xlsx) in memory only, for the person who imported, until the first
/// download or a short expiry, whichever comes first; then it is gone for good. Nothing is written to disk or the database,
/// so a restart also forgets it (the Admin then resets passwords one by one). The store of a SQLite deployment, which is one
/// node (PostgreSQL's is <see cref="ClusterMemberPasswordLists"/>).
/// </summary>
public sealed class MemberPasswordLists(TimeProvider time) : IMemberPasswordLists
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Entry> entries = new();

    public string Put(string ownerId, byte[] content)
    {
        Purge();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        entries[token] = new Entry(ownerId, content, time.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The list, removed as it is handed over; null when the token is unknown, taken, expired or someone else's (left in place).</summary>
    public byte[]? Take(string ownerId, string token)
    {
        Purge();
        if (!entries.TryGetValue(token, out var entry) || entry.OwnerId != ownerId) return null;
        return entries.TryRemove(new KeyValuePair<string, Entry>(token, entry)) ? entry.Content : null;
    }

    Task<string> IMemberPasswordLists.PutAsync(string ownerId, byte[] content, CancellationToken cancellationToken) =>
        Task.FromResult(Put(ownerId, content));

    Task<byte[]?> IMemberPasswordLists.TakeAsync(string ownerId, string token, CancellationToken cancellationToken) =>
        Task.FromResult(Take(ownerId, token));

    private void Purge()
    {
        var now = time.GetUtcNow();
        foreach (var (token, entry) in entries)
        {
            if (entry.ExpiresAt <= now) entries.TryRemove(token, out _);
        }
    }

    private sealed record Entry(string OwnerId, byte[] Content, DateTimeOffset ExpiresAt);
}
