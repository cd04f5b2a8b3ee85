using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(50);
        // Stored as the verb's name, as it always was: every value ever written must stay in WorkflowAction.
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(50);
        b.Property(a => a.ActorName).HasMaxLength(50);
        b.Property(a => a.ActorPost).HasMaxLength(40);
        b.Property(a => a.FromState).HasMaxLength(30);
        b.Property(a => a.ToState).HasMaxLength(30);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.ActorId);
        // The audit page's verb filter lists the verbs the log holds: one seek per verb, not a scan of every entry (1.8 s at a city).
        b.HasIndex(a => a.Action);
    }
}
