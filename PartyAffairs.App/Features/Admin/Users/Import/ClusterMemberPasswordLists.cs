using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using PartyAffairs.App.Data;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// An import's initial-password list on PostgreSQL, where the nodes behind the proxy share only the database: the import
/// may run on one node and the download reach another (a failover, or a proxy not sticky for the download). The list is
/// kept in <c>ClusterPasswordLists</c> encrypted with data protection (bound to its owner), found by the SHA-256 of its
/// token (the token itself, the key to the file, is never stored), and deleted by its download, or by the next import
/// once expired: the same once-only, owner-only, <see cref="MemberPasswordLists.Lifetime"/> rule as in memory.
/// </summary>
public sealed class ClusterMemberPasswordLists(DatabaseOptions database, IDataProtectionProvider protection, TimeProvider time)
    : IMemberPasswordLists
{
    private readonly IDataProtector protector = protection.CreateProtector("PartyAffairs.MemberPasswordLists");

    public async Task<string> PutAsync(string ownerId, byte[] content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var put = new NpgsqlCommand("""
            DELETE FROM "ClusterPasswordLists" WHERE "ExpiresAt" <= @now;
            INSERT INTO "ClusterPasswordLists" ("TokenHash", "OwnerId", "Content", "ExpiresAt") VALUES (@hash, @owner, @content, @expires);
            """, connection);
        put.Parameters.AddWithValue("now", now);
        put.Parameters.AddWithValue("hash", Hash(token));
        put.Parameters.AddWithValue("owner", ownerId);
        put.Parameters.AddWithValue("content", protector.CreateProtector(ownerId).Protect(content));
        put.Parameters.AddWithValue("expires", now + MemberPasswordLists.Lifetime);
        await put.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    public async Task<byte[]?> TakeAsync(string ownerId, string token, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // One statement: of two downloads at once, on one node or two, only one gets the row.
        await using var take = new NpgsqlCommand("""
            DELETE FROM "ClusterPasswordLists" WHERE "TokenHash" = @hash AND "OwnerId" = @owner AND "ExpiresAt" > @now
            RETURNING "Content"
            """, connection);
        take.Parameters.AddWithValue("hash", Hash(token));
        take.Parameters.AddWithValue("owner", ownerId);
        take.Parameters.AddWithValue("now", time.GetUtcNow());
        return await take.ExecuteScalarAsync(cancellationToken) is byte[] content ? protector.CreateProtector(ownerId).Unprotect(content) : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
