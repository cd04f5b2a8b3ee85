using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueAmendmentConfiguration : IEntityTypeConfiguration<CatalogueAmendment>
{
    public void Configure(EntityTypeBuilder<CatalogueAmendment> b)
    {
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.PendingAudit);
        b.Ignore(a => a.PendingAnnouncements);
        b.HasOne<Catalogue>().WithMany().HasForeignKey(a => a.CatalogueId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.CatalogueAmendmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
