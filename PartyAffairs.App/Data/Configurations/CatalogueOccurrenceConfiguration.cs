using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueOccurrenceConfiguration : IEntityTypeConfiguration<CatalogueOccurrence>
{
    public void Configure(EntityTypeBuilder<CatalogueOccurrence> b)
    {
        b.Property(o => o.Label).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.CatalogueItemId, o.Sequence }).IsUnique();
        // Covering for the dashboard's open and overdue counts, which also need the item to find the plan it belongs to.
        b.HasIndex(o => new { o.State, o.DueDate, o.CatalogueItemId });
    }
}
