using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Data.Changes;

namespace PartyAffairs.App.Data;

/// <summary>
/// The one database: Identity's tables and the domain's. Obtain it from <c>IDbContextFactory&lt;AppDbContext&gt;</c>,
/// one context per operation: a Blazor circuit outlives any sensible context lifetime. The factory pools instances, so
/// whatever a context keeps beyond EF's own state is cleared when it is disposed.
/// </summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>
{
    /// <summary>The SQLite context, whose migrations are Data/Migrations.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    /// <summary>For a provider's own context type (<see cref="PostgreSQL.PostgresAppDbContext"/>), with its own migrations.</summary>
    protected AppDbContext(DbContextOptions options) : base(options) { }

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
    public DbSet<BoardPosting> BoardPostings => Set<BoardPosting>();
    public DbSet<BoardPostingItem> BoardPostingItems => Set<BoardPostingItem>();
    public DbSet<DisclosureApplication> Applications => Set<DisclosureApplication>();
    public DbSet<UserPost> UserPosts => Set<UserPost>();

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

    /// <summary>EF's own synchronous save, for a provider's context to allow for rows nothing audits (PostgresAppDbContext's keys).</summary>
    protected int SaveUnauditedChanges(bool acceptAllChangesOnSuccess) => base.SaveChanges(acceptAllChangesOnSuccess);

    /// <summary>
    /// Saves the changes and, in the same transaction, the audit entries the entities queued (written by
    /// <see cref="ChangeAuditInterceptor"/>, which also announces them once committed). A save that audits waits for its
    /// turn at the <see cref="SqliteWriteGate"/> and runs in a transaction of its own unless the caller opened one. New
    /// entities get their ids in a first round, so their audit entries are written in a second one before the commit. On
    /// PostgreSQL any save that announces a change runs in a transaction, which carries the other nodes' notification.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audited = ChangeTracker.Entries<IAudited>()
            .Where(e => e.Entity.PendingAudit.Count > 0)
            .ToList();
        // On PostgreSQL the other nodes hear of a change by a notification sent inside its transaction: a save that
        // announces anything (a row a service added, an announcement) gets one, or EF would commit before the notification.
        var announces = audited.Count > 0 || (Database.IsNpgsql() && AnnouncesAsDetected());
        if (!announces) return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);

        using var turn = Database.CurrentTransaction is null && WriteGate is { } gate ? await gate.EnterAsync(cancellationToken) : null;
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // A transition of a stored record (the common case) has its audit entries written in the same round of
            // statements; if the interceptor had to wait for a new entity's id, a second round writes them.
            var count = await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (audited.Any(e => e.Entity.PendingAudit.Count > 0)) count += await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Whether the save will announce anything, from the changes detected a moment ago: detecting again costs a pass over every tracked entity.</summary>
    private bool AnnouncesAsDetected()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeAuditInterceptor.Announces(ChangeTracker);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Saves without detecting changes again: this context just did, and since then only audit entries were added.</summary>
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

    private SqliteWriteGate? WriteGate => this.GetService<IDbContextOptions>()
        .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<SqliteWriteGate>();
}
