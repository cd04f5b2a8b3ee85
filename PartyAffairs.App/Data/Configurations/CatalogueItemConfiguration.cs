using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> b)
    {
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Description).HasMaxLength(2000);
        b.Property(i => i.ResponsiblePerson).HasMaxLength(100);
        b.Property(i => i.BodyTemplate).HasMaxLength(CatalogueItem.MaxBodyTemplateLength);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Occurrences).WithOne(o => o.CatalogueItem).HasForeignKey(o => o.CatalogueItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.CatalogueId, i.OrganizationId });
    }
}
