using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Data;

/// <summary>
/// The one database: Identity's tables and the domain's. Obtain it from <c>IDbContextFactory&lt;AppDbContext&gt;</c>,
/// one context per operation: a Blazor circuit outlives any sensible context lifetime. The factory pools instances, so
/// whatever a context keeps beyond EF's own state is cleared when it is disposed.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<LeadingGroupMember> LeadingGroupMembers => Set<LeadingGroupMember>();
    public DbSet<Catalogue> Catalogues => Set<Catalogue>();
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();
    public DbSet<CatalogueOccurrence> CatalogueOccurrences => Set<CatalogueOccurrence>();
    public DbSet<CatalogueAmendment> CatalogueAmendments => Set<CatalogueAmendment>();
    public DbSet<CatalogueAmendmentChange> CatalogueAmendmentChanges => Set<CatalogueAmendmentChange>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<DisclosureVersion> DisclosureVersions => Set<DisclosureVersion>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<ArchiveRecord> ArchiveRecords => Set<ArchiveRecord>();
    public DbSet<ArchiveFile> ArchiveFiles => Set<ArchiveFile>();
    public DbSet<ArchiveVerificationRun> ArchiveVerificationRuns => Set<ArchiveVerificationRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no DateTimeKind: everything is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it writes the audit trail in the same transaction.");

    /// <summary>
    /// Saves the changes and, in the same transaction, the audit entries the entities queued; then tells
    /// every subscribed circuit what changed. New entities get their ids in a first save, so their
    /// audit entries are written in a second one before the commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var tracked = ChangeTracker.Entries<IAudited>()
            .Where(e => e.Entity.PendingAudit.Count > 0)
            .ToList();
        var audited = tracked.Select(e => e.Entity).ToList();
        if (audited.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        using var turn = Database.CurrentTransaction is null && WriteGate is { } gate ? await gate.EnterAsync(cancellationToken) : null;
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Entities that already have their ids (a transition of a stored record, the common case) get their audit
            // entries in the same round of statements; only new entities need a first round to learn their ids.
            var needIds = tracked.Any(e => e.State == EntityState.Added);
            var count = needIds ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : 0;
            var entries = new List<AuditEntry>();
            foreach (var entity in audited)
            {
                foreach (var entry in entity.PendingAudit)
                {
                    entry.EntityId = entity.Id;
                    entries.Add(entry);
                }
                entity.ClearPendingAudit();
            }
            AuditEntries.AddRange(entries);
            count += needIds
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                LiveEvents?.Publish(entries.Select(ChangeEvent.From).ToList());
            }
            else
            {
                pendingEvents.AddRange(entries.Select(ChangeEvent.From));
            }
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private readonly List<ChangeEvent> pendingEvents = [];

    /// <summary>Saves without detecting changes again: the caller just did, and since then only added the audit entries.</summary>
    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Commits a transaction the caller opened and only then announces its transitions.</summary>
    public async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        if (pendingEvents.Count > 0)
        {
            LiveEvents?.Publish(pendingEvents.ToList());
            pendingEvents.Clear();
        }
    }

    // Contexts are pooled: events of a transaction that never committed must not reach the next lease.
    public override void Dispose()
    {
        pendingEvents.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        pendingEvents.Clear();
        return base.DisposeAsync();
    }

    private LiveEventStream? LiveEvents => ApplicationService<LiveEventStream>();

    private SqliteWriteGate? WriteGate => ApplicationService<SqliteWriteGate>();

    private T? ApplicationService<T>() where T : class => this.GetService<IDbContextOptions>()
        .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}
