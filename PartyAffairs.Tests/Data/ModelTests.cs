using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Hosting;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

public sealed class ModelTests
{
    /// <summary>
    /// Each provider's migration set holds the whole model: a change made for one and forgotten for the other fails here,
    /// whichever database the run uses (no server needed: the snapshot is compared with the model).
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void Neither_migration_set_lags_the_model(DatabaseProvider provider)
    {
        using AppDbContext db = provider == DatabaseProvider.Sqlite
            ? new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options)
            : new App.Data.PostgreSQL.PostgresAppDbContext(new DbContextOptionsBuilder<App.Data.PostgreSQL.PostgresAppDbContext>()
                .UseNpgsql("Host=127.0.0.1;Database=never_opened").Options);
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"{provider}: dotnet ef migrations add Name --context {db.GetType().FullName} (README, Adding a migration)");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_migrations_hold_every_model_change()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void No_component_or_registered_service_of_the_app_asks_for_the_context_itself()
    {
        // A circuit lives for hours: a context injected into a component or a scoped service would be
        // shared by every click. (Identity's own stores are the one sanctioned user of the scoped context.)
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddPartyAffairs(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Testing" });
        var registered = services
            .Select(d => d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)
            .OfType<Type>()
            .Where(t => t.Assembly == typeof(AppDbContext).Assembly && t != typeof(AppDbContext));
        var components = typeof(AppDbContext).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t));
        var candidates = registered.Concat(components).Distinct().ToList();
        candidates.Count.ShouldBeGreaterThan(20);

        var offenders = candidates
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .SelectMany(c => c.GetParameters())
                    .Where(p => typeof(DbContext).IsAssignableFrom(p.ParameterType))
                    .Select(p => $"{t.FullName}({p.Name})")
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .Where(p => p.IsDefined(typeof(InjectAttribute)) && typeof(DbContext).IsAssignableFrom(p.PropertyType))
                    .Select(p => $"{t.FullName}.{p.Name}")))
            .ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_app_builds_as_it_does_under_dotnet_run_in_Development()
    {
        // Development validates the container on build: a service whose dependencies cannot be met stops
        // `dotnet run` at start-up, which the Production-mode browser tests would never notice.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = typeof(AppDbContext).Assembly.GetName().Name,
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Services.AddPartyAffairs(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(AppDbContext)).ShouldBeTrue();
    }

    [Fact]
    public async Task Times_come_back_as_UTC()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using (var db = harness.NewDb())
        {
            db.Notifications.Add(new Notification((await db.Users.FirstAsync()).Id, "提醒", null, null, now));
            await db.SaveChangesAsync();
        }
        await using var read = harness.NewDb();
        var stored = await read.Notifications.SingleAsync();
        stored.CreatedAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        stored.CreatedAtUtc.ShouldBe(now);
    }

    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "Reason" = 'changed'""")]
    [InlineData("""DELETE FROM "AuditEntries" """)]
    public async Task The_audit_log_is_append_only_in_the_database_itself(string sql)
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        db.Organizations.Add(new Organization("机关党委", "JGDW", OrganizationKind.OrganPartyCommittee, null, 0));
        var catalogue = new Catalogue(2026, "目录", null, Actor.System, harness.Time.GetUtcNow().UtcDateTime);
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();
        (await db.AuditEntries.CountAsync()).ShouldBe(1);

        var ex = await Should.ThrowAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
        ex.Message.ShouldContain("append-only");
        (await db.AuditEntries.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_entity_gets_its_creation_audited_with_its_new_id_in_the_same_save()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        var catalogue = new Catalogue(2026, "目录", "模板", Actor.System, harness.Time.GetUtcNow().UtcDateTime);
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.SingleAsync();
        entry.EntityId.ShouldBe(catalogue.Id);
        entry.EntityType.ShouldBe(nameof(Catalogue));
        entry.Action.ShouldBe(WorkflowAction.Create);
        entry.ToState.ShouldBe("Draft");
    }
}
