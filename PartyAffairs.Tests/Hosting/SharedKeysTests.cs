using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Hosting;

/// <summary>
/// Shared data-protection keys (issue 22): on PostgreSQL the key ring is in the database, so a sign-in cookie one node made is
/// read by every other, also when the nodes started together on a database without keys. Data protection looks an unknown key up
/// again for its first two minutes, which would hide two nodes each making a key of its own; so the test also asks for the one
/// key, and that both nodes protect with it. SQLite keeps its keys in the data folder, as before.
/// </summary>
public sealed class SharedKeysTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    [SkippableFact]
    [Trait("Category", "PostgreSQL")]
    public async Task Two_nodes_started_together_share_one_key_and_read_each_others_cookies()
    {
        PostgresCluster.SkipIfUnavailable();
        var database = await Nodes.EmptyDatabaseAsync(cluster);
        var nodes = await Nodes.StartTogetherAsync(database, 2);
        await using var one = nodes[0];
        await using var two = nodes[1];

        await using (var db = (PostgresAppDbContext)one.NewDb())
            (await db.DataProtectionKeys.CountAsync()).ShouldBe(1, "the nodes made one key between them");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "secretaryA")], IdentityConstants.ApplicationScheme));
        var keys = new List<Guid>();
        foreach (var (maker, reader) in new[] { (one, two), (two, one) })
        {
            var cookie = CookieFormat(maker).Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
            CookieFormat(reader).Unprotect(cookie)?.Principal.Identity?.Name.ShouldBe("secretaryA");
            CookieFormat(reader).Unprotect(cookie).ShouldNotBeNull("the other node reads the sign-in cookie");
            var payload = Protector(maker).Protect("党务公开");
            Protector(reader).Unprotect(payload).ShouldBe("党务公开");
            keys.Add(KeyOf(cookie));
        }
        keys.Distinct().ShouldHaveSingleItem("both nodes protect with the same key");
    }

    [Trait("Database", "Sqlite")]
    [Fact]
    public async Task On_sqlite_the_keys_stay_in_the_data_folder()
    {
        await using var harness = await ServiceHarness.CreateAsync();

        Protector(harness).Protect("党务公开");

        Directory.GetFiles(Path.Combine(harness.DataDirectory, "keys"), "key-*.xml").ShouldHaveSingleItem();
    }

    private static ISecureDataFormat<AuthenticationTicket> CookieFormat(ServiceHarness node) =>
        node.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

    private static IDataProtector Protector(ServiceHarness node) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(SharedKeysTests));

    /// <summary>A protected payload starts with a 4-byte magic header and then the id of the key that protected it.</summary>
    private static Guid KeyOf(string protectedText) => new(WebEncoders.Base64UrlDecode(protectedText).AsSpan(4, 16));
}
