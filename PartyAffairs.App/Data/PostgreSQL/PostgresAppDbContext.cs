using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// The same model on PostgreSQL, with its own migrations (Data/PostgreSQL/Migrations): EF finds a migration by the context
/// type it names, so the SQLite history stays as it was. Only what the engines spell differently is restated here; every
/// service still asks for an <see cref="AppDbContext"/>.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring every node shares (SQLite keeps its keys in the data folder).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Data protection's key repository saves synchronously, and a key is nothing the audit trail records; every other save still
    /// has to be <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).All(e => e.Entity is DataProtectionKey)
            ? SaveUnauditedChanges(acceptAllChangesOnSuccess)
            : base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL folds unquoted names to lower case: the filters name their columns quoted.
        builder.Entity<Domain.Feedback>().HasIndex(f => f.TrackingCodeHash).IsUnique().HasFilter("\"TrackingCodeHash\" IS NOT NULL");
        builder.Entity<Domain.DisclosureApplication>().HasIndex(a => a.TrackingCodeHash).IsUnique().HasFilter("\"TrackingCodeHash\" IS NOT NULL");
        // SQLite's DisclosureSearch is an FTS5 table a raw migration made; here it is a plain table the migrations create,
        // kept by triggers and searched through trigram indexes (PostgresSearchSql).
        builder.Entity<DisclosureSearchRow>().ToTable("DisclosureSearch", t => t.ExcludeFromMigrations(false));
    }
}
