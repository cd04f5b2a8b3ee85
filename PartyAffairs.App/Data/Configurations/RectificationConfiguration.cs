using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.Property(r => r.What).HasMaxLength(1000);
        b.Property(r => r.OwnerName).HasMaxLength(50);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.PendingAudit);
        b.Ignore(r => r.PendingAnnouncements);
        b.HasIndex(r => new { r.State, r.DueDate });
    }
}
