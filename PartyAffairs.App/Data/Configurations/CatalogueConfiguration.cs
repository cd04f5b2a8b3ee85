using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueConfiguration : IEntityTypeConfiguration<Catalogue>
{
    public void Configure(EntityTypeBuilder<Catalogue> b)
    {
        b.HasIndex(c => c.Year).IsUnique();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.PendingAudit);
        b.Ignore(c => c.PendingAnnouncements);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CatalogueId).OnDelete(DeleteBehavior.Cascade);
    }
}
