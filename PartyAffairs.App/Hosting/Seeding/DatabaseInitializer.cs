using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Catalogues.Schedule;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

using PartyAffairs.App.Features.Archive;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// First-start work: the data folders, the migrations, WAL, the roles, the bundled holiday calendar,
/// and either the demo bureau or a lone Admin with a one-time password. On PostgreSQL several nodes may start together on one
/// database: each does this work under one lock, so the first migrates and seeds and the others wait, then find it done.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseOptions database,
    IOptions<StorageOptions> storage,
    IOptions<DemoOptions> demo,
    RoleManager<IdentityRole> roleManager,
    UserManager<ApplicationUser> userManager,
    IServiceProvider services,
    BureauClock clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!database.IsPostgreSql)
        {
            await InitializeOnceAsync(cancellationToken);
            return;
        }
        // A session lock on a connection of its own: it holds through the migrations' own transactions, and closing the
        // connection (or this node dying) lets the next node in.
        await using var gate = await PostgresAdvisoryLock.OpenUnpooledAsync(database.ConnectionString!, "initializer", cancellationToken);
        await PostgresAdvisoryLock.LockAsync(gate, PostgresAdvisoryLock.Initialization, cancellationToken);
        await InitializeOnceAsync(cancellationToken);
        // The shared key ring's first key, made here under the lock: two nodes that each found the ring empty would each make one
        // and take it as default, and after data protection's first two minutes neither would read the other's cookies until its
        // ring refreshed, a day later. The second node in finds the first one's key and uses it.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseInitializer)).Protect([]);
    }

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Value.DataDirectory);
        Directory.CreateDirectory(storage.Value.UploadsDirectory);
        Directory.CreateDirectory(storage.Value.ArchiveDirectory);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers (the board, the dashboard) go on while one writer commits; it stays set in the file.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            // Bodies written as Markdown before the rich-text editor become clean HTML once, before any page reads them.
            await services.GetRequiredService<MarkdownBodyConversion>().RunAsync(cancellationToken);

            await services.GetRequiredService<ServedDisplayRecomputation>().RunAsync(cancellationToken);
            // Before anything archives or verifies: an archiving a stop interrupted is finished or cleared.
            await services.GetRequiredService<ArchiveStaging>().RecoverAsync(cancellationToken);
            // Files and bodies stored before search read attachments become searchable beside the app, not before it
            // (SearchTextBackfillWorker): at a city's size that is minutes of work.

            if (!await db.CalendarDays.AnyAsync(cancellationToken))
            {
                var bundled = CalendarCsv.Bundled();
                db.CalendarDays.AddRange(bundled);
                // The bundled file is the State Council's notice for its year: that year is official from the start.
                db.CalendarYears.AddRange(bundled.Select(d => d.Date.Year).Distinct().Select(y => new CalendarYear(y, Actor.System.UserId, clock.UtcNow)));
                await db.SaveChangesAsync(cancellationToken);
                // Anything that read the calendar before it existed must not keep that empty one.
                services.GetRequiredService<WorkingDayService>().Invalidate();
            }
            await services.GetRequiredService<StandingPlanRecomputation>().RunAsync(cancellationToken);
            // The due dates of years without a notice are caught up beside the app (ProvisionalDueDatesWorker): a city's take seconds.
        }

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role)) await roleManager.CreateAsync(new IdentityRole(role));
        }

        if (await userManager.Users.AnyAsync(cancellationToken)) return;

        if (demo.Value.Seed)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            logger.LogInformation("Seeded the demo bureau; every demo user's password is in the README.");
        }
        else
        {
            await CreateFirstAdminAsync();
        }
    }

    private async Task CreateFirstAdminAsync()
    {
        var password = OneTimePassword.Create();
        var admin = new ApplicationUser { UserName = "admin", DisplayName = "系统管理员", MustChangePassword = true, LockoutEnabled = true };
        var result = await userManager.CreateAsync(admin, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await userManager.AddToRoleAsync(admin, Roles.Admin);
        // Written once, to the console only: the operator signs in with it and changes it.
        Console.WriteLine($"[PartyAffairs] First start {clock.Today:yyyy-MM-dd}: created user 'admin' with one-time password: {password}");
    }
}
