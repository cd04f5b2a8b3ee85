using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueAmendmentChangeConfiguration : IEntityTypeConfiguration<CatalogueAmendmentChange>
{
    public void Configure(EntityTypeBuilder<CatalogueAmendmentChange> b)
    {
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(c => c.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
