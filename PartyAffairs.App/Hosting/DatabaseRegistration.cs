using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Notifications;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Hosting;

public static class DatabaseRegistration
{
    /// <summary>
    /// The context factory for the configured provider. Every service asks for <c>IDbContextFactory&lt;AppDbContext&gt;</c>;
    /// on PostgreSQL it hands out <see cref="PostgresAppDbContext"/>s, whose migrations are their own.
    /// </summary>
    public static IServiceCollection AddPartyAffairsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(database);
        services.AddSingleton<ChangeAuditInterceptor>();
        services.AddSingleton<BodyTextInterceptor>();
        // Pooled: a context's internal services are built once and reused, instead of once per operation. Two cores never
        // have more than a few dozen contexts in use at once; EF's default pool of 1,024 kept a burst's worth of idle
        // contexts for good (after 1,000 dashboards closed, 38 MB were left behind; with 64, 24 MB).
        const int poolSize = 64;
        if (database.IsPostgreSql)
        {
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, options) =>
                options.UseNpgsql(database.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<BodyTextInterceptor>(), sp.GetRequiredService<ChangeAuditInterceptor>()), poolSize);
            services.AddSingleton<IDbContextFactory<AppDbContext>>(sp =>
                new ProviderContextFactory<PostgresAppDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>()));
            // Several nodes share the database: each tells the others what it commits, and listens to them.
            services.AddSingleton<PostgresChangeChannel>();
            // Bells ring on every node (the listener below hears their channel too).
            services.AddSingleton<IPostgresChannelHandler, PostgresBellRelay>();
            services.AddSingleton<PostgresChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
            // Data protection's key repository asks a scope for the context by its type; nothing of the app's does.
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext());
        }
        else
        {
            services.AddSingleton<SqlitePragmaInterceptor>();
            // One writer at a time is SQLite's rule; PostgreSQL locks rows, not the file.
            services.AddSingleton<SqliteWriteGate>();
            services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
            {
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                // Default Timeout also bounds how long Microsoft.Data.Sqlite retries a busy database.
                options.UseSqlite($"Data Source={storage.DatabasePath};Default Timeout=30;Pooling=True")
                    .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>(), sp.GetRequiredService<BodyTextInterceptor>(),
                        sp.GetRequiredService<ChangeAuditInterceptor>());
            }, poolSize);
        }
        // Identity's stores take a context per request scope; they get one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
