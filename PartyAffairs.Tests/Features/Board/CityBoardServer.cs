using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.LoadGeneration;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Features.Board;

/// <summary>
/// The real app over a generated city of modest size (<see cref="City"/>: 60 organizations, about 300 items on display: past
/// the board's threshold, and enough that the board as it was, every item on one page, weighed over 200 KB), made once per
/// test class. The generator spreads items thinly (two or three on display per
/// branch), so one branch is given a busy board: <see cref="BusyPublic"/> more Public items and a few internal ones moved to it,
/// enough for its board to run to several pages. The city has one account per role, so the signed-in pages can be read too.
/// Shared by the classes of <see cref="CityCollection"/>.
/// </summary>
public sealed class CityBoardServer : IAsyncLifetime
{
    public static readonly LoadOptions City = new(Organizations: 60, Disclosures: 9000, Feedback: 500, Archive: 50, Years: 1,
        AccountPassword: AccountPassword);

    /// <summary>The password of the city's one account per role (<see cref="LoadAccounts"/>), for the signed-in pages' tests.</summary>
    public const string AccountPassword = "Bench@2026";

    public const int BusyPublic = 70;
    public const int BusyInternal = 12;

    public AppServer Server { get; }

    public CityBoardServer() : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The same city with some board settings changed (e.g. thresholds raised to see the board as it was).</summary>
    internal CityBoardServer(IReadOnlyDictionary<string, string> settings) =>
        Server = AppServer.With(new Dictionary<string, string>(settings) { ["Demo:Seed"] = "false" });

    public int BusyOrganizationId { get; private set; }

    /// <summary>How long the app took to start, the city to be generated and the busy branch to be filled: reported by the tests.</summary>
    public TimeSpan SetUp { get; private set; }
    public TimeSpan Generation { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        await Server.InitializeAsync();
        var generation = Stopwatch.StartNew();
        await Server.Services.GetRequiredService<LoadGenerator>().GenerateAsync(City, null, CancellationToken.None);
        Generation = generation.Elapsed;

        var now = Server.Services.GetRequiredService<BureauClock>().UtcNow;
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        BusyOrganizationId = await db.Organizations.Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.SortOrder).Select(o => o.Id).FirstAsync();
        var onDisplay = db.Disclosures.Where(DisclosureRules.OnDisplayAt(now)).Where(d => d.OrganizationId != BusyOrganizationId);
        var moved = await onDisplay.Where(d => d.Audience == Audience.Public).OrderBy(d => d.Id).Select(d => d.Id).Take(BusyPublic).ToListAsync();
        moved.AddRange(await onDisplay.Where(d => d.Audience != Audience.Public).OrderBy(d => d.Id).Select(d => d.Id).Take(BusyInternal).ToListAsync());
        await db.Disclosures.Where(d => moved.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.OrganizationId, BusyOrganizationId));
        SetUp = watch.Elapsed;
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
